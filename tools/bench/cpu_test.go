package bench

import (
	"net"
	"os"
	"strconv"
	"testing"
	"time"
)

func TestParseStatCPU(t *testing.T) {
	// A command name with a space and a parenthesis; utime 250, stime 75.
	line := "4242 (java (main)) S 1 4242 4242 0 -1 4194560 123 0 0 0 250 75 0 0 20 0 40 0 1234 5678 90 18446744073709551615"
	got, err := parseStatCPU(line)
	if err != nil {
		t.Fatal(err)
	}
	if want := 3250 * time.Millisecond; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
	if _, err := parseStatCPU("4242 (cut"); err == nil {
		t.Error("a line without its fields parsed")
	}
}

func TestCPUTimeGrows(t *testing.T) {
	for _, pid := range []int{0, os.Getpid()} {
		before, err := CPUTime(pid)
		if err != nil {
			t.Fatal(err)
		}
		x := 0
		for t0 := time.Now(); time.Since(t0) < 50*time.Millisecond; {
			x++
		}
		after, err := CPUTime(pid)
		if err != nil {
			t.Fatal(err)
		}
		if after <= before {
			t.Errorf("pid %d: CPU time %s then %s after spinning (%d)", pid, before, after, x)
		}
	}
	if _, err := CPUTime(-1); err == nil {
		t.Error("CPU time of no process")
	}
}

func TestListenerPID(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	port := l.Addr().(*net.TCPAddr).Port
	pid, err := ListenerPID(port)
	if err != nil {
		t.Fatal(err)
	}
	if pid != os.Getpid() {
		t.Errorf("the listener on %d is pid %d, want this process %d", port, pid, os.Getpid())
	}
	l.Close()
	if pid, err := ListenerPID(port); err == nil {
		t.Errorf("closed port %d still listened on by %d", port, pid)
	}
}

func TestListeningInodes(t *testing.T) {
	table := "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n" +
		"   0: 0100007F:1E0C 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 111 1 0 100 0 0 10 0\n" +
		"   1: 0100007F:1E0C 0100007F:9C40 01 00000000:00000000 00:00000000 00000000     0        0 222 1 0 20 4 30 10 -1\n" +
		"   2: 0100007F:1E0D 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 333 1 0 100 0 0 10 0\n"
	got := listeningInodes(table, 0x1E0C)
	if len(got) != 1 || !got["111"] {
		t.Errorf("got %v, want only inode 111 (port %s)", got, strconv.Itoa(0x1E0C))
	}
}

func TestMeterCharges(t *testing.T) {
	m := Meter{Server: Proc{Label: "s"}, DB: Proc{Label: "d", PID: 1}}
	c := Cell{Requests: 4}
	m.charge(&c, cpuSnap{server: time.Second, db: 2 * time.Second, serverOK: true, dbOK: true},
		cpuSnap{server: 3 * time.Second, db: 6 * time.Second, serverOK: true, dbOK: true})
	if c.ServerCPU != 0.5 || c.DBCPU != 1 || c.CPU() != 1.5 || c.ServerProc != "s" || c.DBProc != "d" {
		t.Errorf("got %+v", c)
	}
	var none Cell
	Meter{}.charge(&none, cpuSnap{}, cpuSnap{})
	if none.ServerCPU != 0 || none.ServerProc != "" {
		t.Errorf("an unmeasured process charged: %+v", none)
	}
}
