package main

// area is one section of the report and one row of its summary.
type area struct{ key, title, intro string }

// areas are the report's sections, in order. Cases recorded with
// reliability.Record land in the section of their Area; "load" and the two
// fuzzing sections are drawn from kapload's results and from the fuzz
// targets' tests and runs.
var areas = []area{
	{"hostile", "1. Hostile GraphQL through the real HTTP handler",
		"Sent over loopback to the server `kapgraph serve` builds (httpapi.Serve, app.NewServer) over the embedded store with the seeds (api/httpapi/hostile_test.go). Each case must be refused (or, where marked data, answered) with the status and `extensions.code` shown, and an ordinary query must succeed right after it. The burst replays every case concurrently and bounds the memory growth."},
	{"fuzz", "1. Fuzzing: request decoding and filter arguments",
		"Go fuzz targets over the request decoding of /graphql (api/httpapi/fuzz_test.go: POST bodies with Content-Type, Accept, X-Request-ID and Origin; GET query strings with Accept and If-None-Match) and over the filter, search and path arguments (resolvers/fuzz_test.go). Any input must give no panic, no 5xx, no INTERNAL_SERVER_ERROR, an `extensions.code` on every error, and answers that respect the arguments. Their seed corpora (f.Add and testdata/fuzz/) run in every `go test`."},
	{"injection", "2. Injection into every string argument, both engines",
		"tools/reliability/injection_test.go walks the schema for every String/ID argument (and input-object field, and enum argument), sends each payload (Cypher quotes, comments, clause and procedure injection, Lucene syntax, unicode tricks, over-long strings) as a variable to the embedded engine and to a real Neo4j 5.26 (isolated instance), requires the same answer from both, and counts the database with the driver before and after. A write through the read path is refused by Neo4j itself: graph/neo4j's `TestReadTransactionRefusesWrites` (reads run in read transactions; the server answers `Neo.ClientError.Statement.AccessMode`)."},
	{"faults", "3. Database faults against the real server",
		"tools/reliability/faults_test.go runs the built `kapgraph serve` binary on an isolated Neo4j (scripts/neo4j.sh with a home and port of its own: `.cache/neo4j-faults` and 7697 unless KAPGRAPH_FAULTS_NEO4J_HOME and KAPGRAPH_FAULTS_NEO4J_PORT move it; see the run's notes above) and stops, restarts and SIGKILLs it without restarting kapgraph."},
	{"load", "4. Sustained load", ""},
	{"production", "5. Production switches", "Introspection and the playground switched off through the handler (api/httpapi/production_test.go) and through the binary by flag and by environment (tools/reliability/production_test.go)."},
	{"surface", "5. Admin and mutation endpoints", ""},
	{"trapi", "6. Hostile TRAPI bodies, both engines",
		"tools/reliability/trapi_hostile_test.go posts huge and deep query graphs, JSON nested 100,000 deep, 10,000 ids on one node, wrong types, unknown fields and oversized bodies to `POST /trapi/query` of the server `kapgraph serve` builds, over the embedded store (*memory*) and over the isolated Neo4j (*neo4j*), both with the seeds. Each must be refused with a 4xx TRAPI error in JSON (or, where marked, answered) within 10 s, and a valid lookup must be answered right after."},
	{"ingest", "7. kill -9 during corpus ingest, both engines",
		"tools/reliability/ingest_kill_test.go loads a synthetic corpus (24 articles, text and JATS) with `kapgraph ingest` and stops it at random points: after a random number of articles and a random fraction of one article's time (measured by a clean load), so inside a document's write or between two, or, after 0 articles, a random fraction of start-up (3 s for the process, one article's time in process); every other run is stopped twice (a rerun can die too). Then it reruns the ingest to the end and compares the whole graph (export's canonical JSON: every id, count and property) with a clean load's. *neo4j*: the real `kapgraph ingest` process is killed with SIGKILL, on the isolated Neo4j; node and relationship counts are the database's. *embedded*: the embedded store lives inside the process, so a SIGKILLed embedded ingest leaves nothing to compare (`kapgraph serve` rebuilds it on start); its counterpart cancels loader.Ingest at the same kind of point and reruns it on the same store; counts are the exported graph's. The points come from KAPGRAPH_KILL_SEED (see the run's notes), so a rerun of the report names the same points; *(it had finished)* marks a point that fell after the end."},
	{"fuzz-readers", "8. Fuzzing the review readers (text and JATS)",
		"loader/review's fuzz targets: FuzzParseReview over the plain-text layouts of testdata/text and the seeds, FuzzParseJATS over the JATS fixtures of six publishers' conventions in testdata/jats. Any input must give no panic, only a *SourceError naming file and line as a refusal, and passages, sections and citations that point inside the input. Their seed corpora (the fixtures, f.Add and testdata/fuzz/) run in every `go test`; scripts/reliability.sh also fuzzes both for a fixed time budget and lists here every crasher the fuzzer wrote."},
}
