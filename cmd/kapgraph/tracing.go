package main

import (
	"context"
	"fmt"
	"strings"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/exporters/otlp/otlptrace/otlptracehttp"
	"go.opentelemetry.io/otel/sdk/resource"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"

	"github.com/kapgraph/kapgraph/internal/app"
)

// tracerFromEnv returns a tracer provider exporting OTLP over HTTP when
// the standard OTEL_* variables ask for it (an OTLP endpoint is set, the
// SDK is not disabled, the traces exporter is not "none"), and nil
// otherwise, which leaves tracing off at no cost. It samples with
// app.TraceSampler unless OTEL_TRACES_SAMPLER names another. Only http/protobuf is
// spoken: asking for gRPC is an error rather than a silent nothing.
func tracerFromEnv(ctx context.Context, getenv func(string) string) (*sdktrace.TracerProvider, error) {
	if strings.EqualFold(getenv("OTEL_SDK_DISABLED"), "true") {
		return nil, nil
	}
	if exp := getenv("OTEL_TRACES_EXPORTER"); exp != "" && exp != "otlp" {
		if exp == "none" {
			return nil, nil
		}
		return nil, usageError{fmt.Sprintf("OTEL_TRACES_EXPORTER=%s: kapgraph exports traces by OTLP only", exp)}
	}
	var opts []otlptracehttp.Option
	switch {
	case getenv("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT") != "":
		opts = append(opts, otlptracehttp.WithEndpointURL(getenv("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT")))
	case getenv("OTEL_EXPORTER_OTLP_ENDPOINT") != "":
		opts = append(opts, otlptracehttp.WithEndpointURL(strings.TrimRight(getenv("OTEL_EXPORTER_OTLP_ENDPOINT"), "/")+"/v1/traces"))
	default:
		return nil, nil
	}
	for _, k := range []string{"OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "OTEL_EXPORTER_OTLP_PROTOCOL"} {
		if p := getenv(k); p != "" && p != "http/protobuf" {
			return nil, usageError{fmt.Sprintf("%s=%s: kapgraph exports OTLP over HTTP (http/protobuf) only", k, p)}
		}
	}
	exp, err := otlptracehttp.New(ctx, opts...)
	if err != nil {
		return nil, fmt.Errorf("OTLP trace exporter: %w", err)
	}
	name := getenv("OTEL_SERVICE_NAME")
	if name == "" {
		name = "kapgraph"
	}
	res := resource.NewSchemaless(attribute.String("service.name", name), attribute.String("service.version", version()))
	popts := []sdktrace.TracerProviderOption{sdktrace.WithBatcher(exp), sdktrace.WithResource(res)}
	if getenv("OTEL_TRACES_SAMPLER") == "" {
		// Otherwise the SDK reads the operator's sampler from the
		// environment itself.
		popts = append(popts, sdktrace.WithSampler(app.TraceSampler()))
	}
	return sdktrace.NewTracerProvider(popts...), nil
}
