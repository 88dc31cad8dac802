package bench

import (
	"strings"
	"testing"
	"time"
)

func TestMarkdownShowsCPUBesideThroughput(t *testing.T) {
	r := &Results{
		Started: time.Unix(0, 0), Finished: time.Unix(60, 0),
		Settings: Settings{Concurrency: []int{1}, Sample: 128, RequestSeed: 7},
		Sizes: []SizeResult{{
			Name: "10k",
			Params: Params{Entity: "E", Entities: []string{"E", "F"}, EntityBand: [2]int{3, 40},
				PathFrom: "P", Centre: "C"},
			Cells: []Cell{
				{System: SysKapgraphNeo4j, Query: MixName, Concurrency: 1, Requests: 10, Throughput: 50,
					ServerCPU: 0.0012, DBCPU: 0.0034, ServerProc: "kapgraph serve", DBProc: "neo4j"},
				{System: SysKapgraphMem, Query: MixName, Concurrency: 1, Requests: 10, Throughput: 90,
					ServerCPU: 0.0021, ServerProc: "kapserve"},
				{System: SysCypher, Query: MixName, Concurrency: 1, Requests: 10, Throughput: 70},
				{System: SysKapgraphNeo4j, Query: string(QEntity), Concurrency: 1, Requests: 10, Throughput: 40,
					ServerCPU: 0.001, DBCPU: 0, ServerProc: "kapgraph serve", DBProc: "neo4j"},
			},
		}},
	}
	md := r.Markdown()
	for _, want := range []string{
		"| 1 | kapgraph-neo4j | 50.0 | 1.20 + 3.40 |",             // server + neo4j ms per request
		"| 1 | kapgraph-embedded | 90.0 | 2.10 + – |",             // no database
		"| 1 | cypher | 70.0 | – |",                               // not measured
		"| b-entity | kapgraph-neo4j | – / – | 40.0 | 1.00 + 0 |", // a measured zero
		"`kapgraph-neo4j`: kapgraph serve + neo4j",
		"| 10k | 2 | 3–40 | `E` |",
		"No cache serves a timed request",
		"seed 7",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("the report lacks %q", want)
		}
	}
}
