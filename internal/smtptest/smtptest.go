// Package smtptest is a mail server for tests: it listens on loopback,
// speaks enough SMTP for net/smtp (EHLO, MAIL, RCPT, DATA, QUIT) and
// keeps what it receives. No mail goes anywhere.
package smtptest

import (
	"bufio"
	"net"
	"net/textproto"
	"strings"
	"sync"
	"testing"
)

// Message is one mail received.
type Message struct {
	From string
	To   []string
	Data string // headers and body, as sent (CRLF line ends, dot-stuffing undone)
}

// Server is a running test mail server.
type Server struct {
	Addr string // host:port
	ln   net.Listener
	mu   sync.Mutex
	msgs []Message
	wg   sync.WaitGroup
}

// Start starts a server that stops when the test ends.
func Start(t testing.TB) *Server {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s := &Server{Addr: ln.Addr().String(), ln: ln}
	s.wg.Add(1)
	go s.serve()
	t.Cleanup(func() { ln.Close(); s.wg.Wait() })
	return s
}

// Messages returns what was received so far.
func (s *Server) Messages() []Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Message(nil), s.msgs...)
}

func (s *Server) serve() {
	defer s.wg.Done()
	for {
		c, err := s.ln.Accept()
		if err != nil {
			return
		}
		s.wg.Add(1)
		go func() {
			defer s.wg.Done()
			defer c.Close()
			s.session(textproto.NewConn(c))
		}()
	}
}

func (s *Server) session(c *textproto.Conn) {
	c.PrintfLine("220 smtptest ready")
	var m Message
	for {
		line, err := c.ReadLine()
		if err != nil {
			return
		}
		verb := strings.ToUpper(strings.SplitN(line, " ", 2)[0])
		arg := strings.TrimSpace(strings.TrimPrefix(line, line[:len(verb)]))
		switch verb {
		case "EHLO", "HELO":
			c.PrintfLine("250 smtptest")
		case "MAIL":
			m = Message{From: address(arg)}
			c.PrintfLine("250 ok")
		case "RCPT":
			m.To = append(m.To, address(arg))
			c.PrintfLine("250 ok")
		case "DATA":
			c.PrintfLine("354 go on")
			var b strings.Builder
			r := bufio.NewReader(c.DotReader())
			for {
				l, err := r.ReadString('\n')
				b.WriteString(strings.TrimSuffix(l, "\n"))
				if err != nil {
					break
				}
				b.WriteString("\r\n")
			}
			m.Data = b.String()
			s.mu.Lock()
			s.msgs = append(s.msgs, m)
			s.mu.Unlock()
			c.PrintfLine("250 kept")
		case "RSET", "NOOP":
			c.PrintfLine("250 ok")
		case "QUIT":
			c.PrintfLine("221 bye")
			return
		default:
			c.PrintfLine("502 not here")
		}
	}
}

// address takes the address out of "FROM:<a@b>" or "TO:<a@b>".
func address(arg string) string {
	_, a, _ := strings.Cut(arg, ":")
	a = strings.TrimSpace(a)
	if i := strings.IndexByte(a, ' '); i > 0 {
		a = a[:i]
	}
	return strings.Trim(a, "<>")
}
