package alert

import (
	"bytes"
	"context"
	"crypto/tls"
	"fmt"
	"mime"
	"mime/quotedprintable"
	"net"
	"net/mail"
	"net/smtp"
	"net/url"
	"strings"
	"time"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/wire"
)

// smtpConfig is the mail server alerts go through.
type smtpConfig struct {
	addr       string // host:port
	host       string
	user, pass string
	tls        bool // smtps: TLS from the first byte
	from       string
}

// parseSMTP reads host:port, smtp://[user:password@]host[:port][?from=A]
// or smtps://….
func parseSMTP(s string) (*smtpConfig, error) {
	bad := func(why string) error {
		return whosaid.Errorf(whosaid.EInvalid, "SMTP server %q: %s (want host:port or smtp://[user:password@]host[:port][?from=ADDRESS])", redact(s), why)
	}
	if !strings.Contains(s, "://") {
		s = "smtp://" + s
	}
	u, err := url.Parse(s)
	if err != nil {
		return nil, bad(err.Error())
	}
	c := &smtpConfig{host: u.Hostname(), from: "whosaid@localhost"}
	switch u.Scheme {
	case "smtp":
	case "smtps":
		c.tls = true
	default:
		return nil, bad("unknown scheme " + u.Scheme)
	}
	if c.host == "" {
		return nil, bad("no host")
	}
	port := u.Port()
	if port == "" {
		port = "25"
		if c.tls {
			port = "465"
		}
	}
	c.addr = net.JoinHostPort(c.host, port)
	if u.User != nil {
		c.user = u.User.Username()
		c.pass, _ = u.User.Password()
	}
	if f := u.Query().Get("from"); f != "" {
		a, err := mail.ParseAddress(f)
		if err != nil {
			return nil, bad("from " + f + " is not a mail address")
		}
		c.from = a.Address
	}
	return c, nil
}

// redact hides the password of an SMTP URL in messages.
func redact(s string) string {
	if u, err := url.Parse(s); err == nil && u.User != nil {
		if _, has := u.User.Password(); has {
			u.User = url.UserPassword(u.User.Username(), "xxxxx")
			return u.String()
		}
	}
	return s
}

// send delivers one message to one recipient, within ctx's deadline.
func (c *smtpConfig) send(ctx context.Context, to string, msg []byte) error {
	fail := func(err error) error { return fmt.Errorf("mail to %s through %s: %v", to, c.addr, err) }
	d := &net.Dialer{}
	var conn net.Conn
	var err error
	if c.tls {
		conn, err = (&tls.Dialer{NetDialer: d, Config: &tls.Config{ServerName: c.host}}).DialContext(ctx, "tcp", c.addr)
	} else {
		conn, err = d.DialContext(ctx, "tcp", c.addr)
	}
	if err != nil {
		return fail(err)
	}
	defer conn.Close()
	if dl, ok := ctx.Deadline(); ok {
		conn.SetDeadline(dl)
	}
	cl, err := smtp.NewClient(conn, c.host)
	if err != nil {
		return fail(err)
	}
	defer cl.Close()
	if err := cl.Hello("localhost"); err != nil {
		return fail(err)
	}
	if ok, _ := cl.Extension("STARTTLS"); ok && !c.tls {
		if err := cl.StartTLS(&tls.Config{ServerName: c.host}); err != nil {
			return fail(err)
		}
	}
	if c.user != "" {
		// PlainAuth refuses to send a password in the clear but to localhost.
		if err := cl.Auth(smtp.PlainAuth("", c.user, c.pass, c.host)); err != nil {
			return fail(err)
		}
	}
	if err := cl.Mail(c.from); err != nil {
		return fail(err)
	}
	if err := cl.Rcpt(to); err != nil {
		return fail(err)
	}
	w, err := cl.Data()
	if err != nil {
		return fail(err)
	}
	if _, err := w.Write(msg); err != nil {
		return fail(err)
	}
	if err := w.Close(); err != nil {
		return fail(err)
	}
	if err := cl.Quit(); err != nil {
		return fail(err)
	}
	return nil
}

// mailMessage is an alert as a plain-text mail (UTF-8, quoted-printable).
// Header values come from article text: folded to one line and encoded,
// so no text can add a header.
func mailMessage(from, to string, a wire.Alert, now time.Time) []byte {
	h := a.Statement
	who := "someone unnamed"
	if h.Speaker != nil {
		who = h.Speaker.Name
	}
	content := ""
	if h.Content != nil {
		content = h.Content.Text
	}
	subject := fmt.Sprintf("whosaid %s: %s: %s", a.Alert, who, wire.Clip(content, 80))
	var b bytes.Buffer
	header := func(k, v string) { fmt.Fprintf(&b, "%s: %s\r\n", k, v) }
	header("From", "whosaid <"+from+">")
	header("To", "<"+to+">")
	header("Subject", mime.QEncoding.Encode("utf-8", safe(subject)))
	header("Date", now.Format(time.RFC1123Z))
	header("Message-ID", fmt.Sprintf("<%d.%s@whosaid>", now.UnixNano(), strings.Map(func(r rune) rune {
		if r < 0x21 || r > 0x7e || r == '<' || r == '>' || r == '@' {
			return '-'
		}
		return r
	}, a.Unit)))
	header("MIME-Version", "1.0")
	header("Content-Type", "text/plain; charset=utf-8")
	header("Content-Transfer-Encoding", "quoted-printable")
	b.WriteString("\r\n")
	var body strings.Builder
	fmt.Fprintf(&body, "The saved search %q found a new statement.\n\n", a.Alert)
	fmt.Fprintf(&body, "Speaker:   %s\n", who)
	fmt.Fprintf(&body, "Statement: %s\n", strings.Join(strings.Fields(content), " "))
	fmt.Fprintf(&body, "Kind:      %s\n", h.Kind)
	for _, f := range []struct {
		k string
		v *string
	}{{"Said on", h.SaidOn}, {"Published", h.Published}, {"Outlet", h.Outlet}, {"Article", h.Title}, {"URL", h.URL}} {
		if f.v != nil {
			fmt.Fprintf(&body, "%-10s %s\n", f.k+":", safe(*f.v))
		}
	}
	fmt.Fprintf(&body, "\nFired once for %s at %s.\n", a.Unit, a.FiredAt)
	qp := quotedprintable.NewWriter(&b)
	qp.Write([]byte(strings.ReplaceAll(body.String(), "\n", "\r\n")))
	qp.Close()
	return b.Bytes()
}
