package app

import sdktrace "go.opentelemetry.io/otel/sdk/trace"

// TraceSampler is the sampler of the tracer provider `kapgraph serve`
// builds when the operator names none (OTEL_TRACES_SAMPLER, which the
// OpenTelemetry SDK reads, wins): every request is traced unless its
// caller's traceparent says that the caller's trace is not sampled
// (parent-based, always on). Why every request: a trace is looked for
// after the fact, for the request that was slow or failed, and a ratio
// would have dropped most of those. What it costs is measured by
// internal/app's BenchmarkTracingCost and tools/bench's traced mix cell
// (issue 20 allows 10% of throughput on the 10k mix; tools/bench/
// ANALYSIS.md, 2026-12-07, has the figures). An operator whose collector
// cannot take every trace sets OTEL_TRACES_SAMPLER=parentbased_traceidratio
// with OTEL_TRACES_SAMPLER_ARG.
func TraceSampler() sdktrace.Sampler { return sdktrace.ParentBased(sdktrace.AlwaysSample()) }
