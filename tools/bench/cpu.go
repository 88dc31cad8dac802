package bench

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// Throughput on a shared machine says how fast a system went with what it
// got; CPU time per request says what each answer costs, and that is what
// decides how many machines a load needs. So every cell also charges the
// CPU time its processes spent during the cell to the requests answered.

// Proc is a process whose CPU time a cell charges to its requests.
type Proc struct {
	Label string `json:"label"`
	PID   int    `json:"pid"` // 0: the bench process itself
}

// Meter names the processes that answer one system's requests: the server
// (or the bench process, for a system that runs inside it) and the
// database (PID -1 or Label "" when there is none or it was not found).
type Meter struct {
	Server Proc
	DB     Proc
}

// SelfProc is the bench process: what runs in it (the in-process handler
// of the quick test, the Cypher floor's driver) is charged together with
// the load generator's own work, so its figure is an upper bound.
func SelfProc(what string) Proc {
	return Proc{Label: "bench process (" + what + ", and the load generator)", PID: 0}
}

// userHZ is the unit of the times in /proc/<pid>/stat: the kernel reports
// them in USER_HZ, which is 100 on every Linux architecture Go runs on.
const userHZ = 100

// CPUTime is the user plus system CPU time process pid (0: this process)
// has used, all threads included.
func CPUTime(pid int) (time.Duration, error) {
	if pid == 0 {
		var ru syscall.Rusage
		if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
			return 0, err
		}
		return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()), nil
	}
	if pid < 0 {
		return 0, fmt.Errorf("no process")
	}
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return 0, err
	}
	return parseStatCPU(string(b))
}

// parseStatCPU reads utime and stime (fields 14 and 15) of a
// /proc/<pid>/stat line. The command name (field 2) may hold spaces and
// parentheses, so the fields are counted from its closing parenthesis.
func parseStatCPU(stat string) (time.Duration, error) {
	i := strings.LastIndexByte(stat, ')')
	if i < 0 {
		return 0, fmt.Errorf("unreadable stat line %.80q", stat)
	}
	f := strings.Fields(stat[i+1:]) // f[0] is field 3 (state)
	if len(f) < 13 {
		return 0, fmt.Errorf("short stat line %.80q", stat)
	}
	ut, err1 := strconv.ParseInt(f[11], 10, 64)
	st, err2 := strconv.ParseInt(f[12], 10, 64)
	if err1 != nil || err2 != nil {
		return 0, fmt.Errorf("stat line: utime %q, stime %q", f[11], f[12])
	}
	return time.Duration(ut+st) * time.Second / userHZ, nil
}

// cpuSnap is the CPU time of a meter's processes at one moment; ok is
// false for a process that could not be read.
type cpuSnap struct {
	server, db     time.Duration
	serverOK, dbOK bool
}

func (m Meter) snap() cpuSnap {
	var s cpuSnap
	if m.Server.Label != "" {
		t, err := CPUTime(m.Server.PID)
		s.server, s.serverOK = t, err == nil
	}
	if m.DB.Label != "" {
		t, err := CPUTime(m.DB.PID)
		s.db, s.dbOK = t, err == nil
	}
	return s
}

// charge fills c's CPU figures from the snapshots around it.
func (m Meter) charge(c *Cell, before, after cpuSnap) { m.chargeDelta(c, before.to(after)) }

// cpuDelta is the CPU time a meter's processes used over a stretch (or
// several, summed); ok is false where a process could not be read.
type cpuDelta struct {
	server, db     time.Duration
	serverOK, dbOK bool
}

func (s cpuSnap) to(after cpuSnap) cpuDelta {
	return cpuDelta{server: after.server - s.server, db: after.db - s.db,
		serverOK: s.serverOK && after.serverOK, dbOK: s.dbOK && after.dbOK}
}

func (d cpuDelta) plus(e cpuDelta) cpuDelta {
	return cpuDelta{server: d.server + e.server, db: d.db + e.db, serverOK: d.serverOK && e.serverOK, dbOK: d.dbOK && e.dbOK}
}

// chargeDelta fills c's CPU figures from the CPU time used over it.
func (m Meter) chargeDelta(c *Cell, d cpuDelta) {
	n := float64(c.Requests)
	if n == 0 {
		return
	}
	if d.serverOK {
		c.ServerCPU = d.server.Seconds() / n
		c.ServerProc = m.Server.Label
	}
	if d.dbOK {
		c.DBCPU = d.db.Seconds() / n
		c.DBProc = m.DB.Label
	}
}

// Neo4jPID finds the Neo4j server: the pid file scripts/neo4j.sh keeps
// under home (if home is set and the file names a live process), else the
// process listening on port.
func Neo4jPID(home string, port int) (int, error) {
	if home != "" {
		if b, err := os.ReadFile(filepath.Join(home, "run", "neo4j.pid")); err == nil {
			if pid, err := strconv.Atoi(strings.TrimSpace(string(b))); err == nil && syscall.Kill(pid, 0) == nil {
				return pid, nil
			}
		}
	}
	return ListenerPID(port)
}

// ListenerPID is the process with a TCP socket listening on port, found
// through /proc/net/tcp{,6} and the processes' open files (so it sees
// only the processes this user may inspect).
func ListenerPID(port int) (int, error) {
	inodes := map[string]bool{}
	for _, f := range []string{"/proc/net/tcp", "/proc/net/tcp6"} {
		b, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		for k, v := range listeningInodes(string(b), port) {
			inodes[k] = v
		}
	}
	if len(inodes) == 0 {
		return 0, fmt.Errorf("nothing listens on port %d", port)
	}
	procs, err := os.ReadDir("/proc")
	if err != nil {
		return 0, err
	}
	for _, p := range procs {
		pid, err := strconv.Atoi(p.Name())
		if err != nil {
			continue
		}
		fds, err := os.ReadDir("/proc/" + p.Name() + "/fd")
		if err != nil {
			continue
		}
		for _, fd := range fds {
			l, err := os.Readlink("/proc/" + p.Name() + "/fd/" + fd.Name())
			if err == nil && strings.HasPrefix(l, "socket:[") && inodes[strings.TrimSuffix(strings.TrimPrefix(l, "socket:["), "]")] {
				return pid, nil
			}
		}
	}
	return 0, fmt.Errorf("no visible process owns the socket listening on port %d", port)
}

// listeningInodes reads a /proc/net/tcp table: the inodes of the sockets
// in state LISTEN (0A) on port.
func listeningInodes(table string, port int) map[string]bool {
	out := map[string]bool{}
	want := fmt.Sprintf(":%04X", port)
	for _, line := range strings.Split(table, "\n")[1:] {
		f := strings.Fields(line)
		if len(f) < 10 || f[3] != "0A" || !strings.HasSuffix(f[1], want) {
			continue
		}
		out[f[9]] = true
	}
	return out
}
