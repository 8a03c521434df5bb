package ingest

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/whosaid/whosaid"
)

// A Telegram Desktop chat export ("Export chat history", JSON) is one
// object: the chat's name, type and id, then its messages:
//
//	{"name": "Harbour Wire", "type": "public_channel", "id": 1700000001,
//	 "messages": [{"id": 7, "type": "message", "date": "2024-03-04T09:15:00",
//	   "date_unixtime": "1709543700", "from": "Harbour Wire",
//	   "forwarded_from": "Port Authority",
//	   "text": ["Plain and ", {"type": "bold", "text": "bold"}, " text"],
//	   "text_entities": [{"type": "plain", "text": "Plain and "}, …]}, …]}
//
// Each message with text is an article: the chat is its outlet, Telegram
// its medium, the chat it was forwarded from its via. Service messages
// (a channel created, a pin) and posts with no text (a photo without a
// caption) hold no article and are passed over.

// telegramHead recognises an export from its first bytes: a chat type
// Telegram writes, and the messages list.
var (
	telegramType     = regexp.MustCompile(`"type"\s*:\s*"(public_channel|private_channel|public_supergroup|private_supergroup|private_group|personal_chat|bot_chat|saved_messages)"`)
	telegramMessages = regexp.MustCompile(`"messages"\s*:\s*\[`)
)

func looksTelegram(head []byte) bool {
	return telegramType.Match(head) && telegramMessages.Match(head)
}

// telegramMessage is what whosaid reads of a message (the export has
// more: media, reactions, edits).
type telegramMessage struct {
	ID            int64            `json:"id"`
	Type          string           `json:"type"`
	Date          string           `json:"date"`
	DateUnix      string           `json:"date_unixtime"`
	ForwardedFrom *string          `json:"forwarded_from"`
	Text          json.RawMessage  `json:"text"`
	Entities      []telegramEntity `json:"text_entities"`
}

type telegramEntity struct {
	Type string `json:"type"`
	Text string `json:"text"`
}

// readTelegram streams the messages of a Telegram export, holding one
// message at a time.
func readTelegram(name string, br *bufio.Reader, limit int64, rec func(*whosaid.Doc, error) bool) error {
	dec := json.NewDecoder(br)
	bad := func(format string, args ...any) error {
		return whosaid.InputError(whosaid.EInvalid, name, "not a readable Telegram export: "+format, args...)
	}
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return bad("it does not open with an object")
	}
	var chat string
	var chatID int64
	read := 0
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return bad("%v", err)
		}
		key, _ := t.(string)
		switch key {
		case "name":
			if err := dec.Decode(&chat); err != nil {
				return bad("chat name: %v", err)
			}
		case "id":
			var n json.Number
			if err := dec.Decode(&n); err != nil {
				return bad("chat id: %v", err)
			}
			chatID, _ = n.Int64()
		case "messages":
			if chat == "" {
				return bad("the messages come before the chat's name")
			}
			if t, err := dec.Token(); err != nil || t != json.Delim('[') {
				return bad("messages is not a list")
			}
			for dec.More() {
				var m telegramMessage
				if err := dec.Decode(&m); err != nil {
					return bad("message after %d read: %v", read, err)
				}
				read++
				d, err := telegramDoc(name, chat, chatID, &m, limit)
				if (d != nil || err != nil) && !rec(d, err) {
					return nil
				}
			}
			if _, err := dec.Token(); err != nil {
				return bad("%v", err)
			}
		default:
			var skip json.RawMessage
			if err := dec.Decode(&skip); err != nil {
				return bad("field %q: %v", key, err)
			}
		}
	}
	if _, err := dec.Token(); err != nil && err != io.EOF {
		return bad("%v", err)
	}
	return nil
}

// telegramDoc is the article of one message, nil for a message without
// text.
func telegramDoc(name, chat string, chatID int64, m *telegramMessage, limit int64) (*whosaid.Doc, error) {
	where := fmt.Sprintf("%s#message-%d", name, m.ID)
	if m.Type != "message" {
		return nil, nil
	}
	text := telegramText(m)
	if text == "" {
		return nil, nil
	}
	if int64(len(text)) > limit {
		return nil, whosaid.InputError(whosaid.EInvalid, where, "message text longer than %s; skipped", byteSize(limit))
	}
	raw := []byte(text)
	d := &whosaid.Doc{
		// No RawSHA256: a forwarded post has the same text as its origin
		// and as every other forward of it, so its bytes do not tell
		// which post it is. The article id (link and text) does, and the
		// store checks it.
		Source:     where,
		Raw:        raw,
		MediaType:  whosaid.MediaText,
		OutletHint: chat,
		Medium:     whosaid.MediumTelegram,
	}
	if chatID != 0 {
		d.URL = fmt.Sprintf("https://t.me/c/%d/%d", chatID, m.ID)
	}
	if m.ForwardedFrom != nil && strings.TrimSpace(*m.ForwardedFrom) != "" && *m.ForwardedFrom != chat {
		d.Via = strings.TrimSpace(*m.ForwardedFrom)
	}
	// date_unixtime is the moment; date is the exporting computer's local
	// time without a zone (older exports have only that).
	if secs, err := strconv.ParseInt(m.DateUnix, 10, 64); err == nil {
		t := time.Unix(secs, 0).UTC()
		d.PublishedHint = &t
	} else if t, err := time.ParseInLocation("2006-01-02T15:04:05", m.Date, whosaid.Unzoned); err == nil {
		d.PublishedHint = &t
	}
	return d, nil
}

// telegramText is the text of a message as plain text: its entities'
// texts joined (formatting, links and mentions keep their words), each
// line a paragraph, since a post's line breaks separate its paragraphs.
func telegramText(m *telegramMessage) string {
	var b strings.Builder
	if len(m.Entities) > 0 {
		for _, e := range m.Entities {
			b.WriteString(e.Text)
		}
	} else {
		var s string
		var parts []json.RawMessage
		switch {
		case json.Unmarshal(m.Text, &s) == nil:
			b.WriteString(s)
		case json.Unmarshal(m.Text, &parts) == nil:
			for _, p := range parts {
				var ps string
				var e telegramEntity
				if json.Unmarshal(p, &ps) == nil {
					b.WriteString(ps)
				} else if json.Unmarshal(p, &e) == nil {
					b.WriteString(e.Text)
				}
			}
		}
	}
	var paras []string
	for _, line := range strings.Split(b.String(), "\n") {
		if line = strings.TrimSpace(line); line != "" {
			paras = append(paras, line)
		}
	}
	return strings.Join(paras, "\n\n")
}

// telegramHeadSize is how much of an input is looked at to recognise an
// export (its chat name comes first and may be long).
const telegramHeadSize = 4096

func isTelegram(br *bufio.Reader) bool {
	head, _ := br.Peek(telegramHeadSize)
	return bytes.HasPrefix(bytes.TrimLeft(head, " \t\r\n\ufeff"), []byte("{")) && looksTelegram(head)
}
