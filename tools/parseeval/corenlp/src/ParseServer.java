// SPDX-License-Identifier: GPL-3.0-or-later
// This one file links Stanford CoreNLP (GPL v3 or later) and is therefore under the
// same licence; nothing else in kapgraph links it (tools/parseeval/README.md).
//
// ParseServer: CoreNLP behind a tiny HTTP endpoint bound to 127.0.0.1 only.
//
// CoreNLP's own StanfordCoreNLPServer listens on every interface and has no
// bind-address option; the measurement needs nothing from it but "text in,
// JSON annotation out", so this wrapper serves exactly that on loopback.
//
//   POST /annotate?annotators=tokenize,ssplit,pos,lemma,depparse   body: UTF-8 text
//   -> CoreNLP's JSON output; header X-Cpu-Ms: CPU time of the annotation thread
//   GET  /ready -> "ok"
//
// One pipeline per annotator list, built on first use (or at start with
// -Dparseserver.preload=...). Sentences are split at line ends only
// (ssplit.eolonly): the caller sends one sentence per line, as kapgraph
// split them, so both sides count sentences alike.
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.JSONOutputter;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

public final class ParseServer {
  private final Map<String, StanfordCoreNLP> pipelines = new ConcurrentHashMap<>();
  private final ThreadMXBean mx = ManagementFactory.getThreadMXBean();

  private StanfordCoreNLP pipeline(String annotators) {
    return pipelines.computeIfAbsent(annotators, a -> {
      Properties p = new Properties();
      p.setProperty("annotators", a);
      p.setProperty("ssplit.eolonly", "true");
      p.setProperty("tokenize.language", "en");
      if (a.contains("coref")) {
        p.setProperty("coref.algorithm", System.getProperty("parseserver.coref", "fastneural"));
        p.setProperty("ner.applyFineGrained", "false");
        p.setProperty("ner.useSUTime", "false");
      }
      return new StanfordCoreNLP(p);
    });
  }

  private void annotate(HttpExchange ex) throws IOException {
    try {
      String q = ex.getRequestURI().getRawQuery();
      String annotators = "tokenize,ssplit,pos,lemma,depparse";
      if (q != null) {
        for (String kv : q.split("&")) {
          if (kv.startsWith("annotators=")) {
            annotators = URLDecoder.decode(kv.substring(11), StandardCharsets.UTF_8);
          }
        }
      }
      String text = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      long t0 = mx.getCurrentThreadCpuTime();
      StanfordCoreNLP nlp = pipeline(annotators);
      long t1 = mx.getCurrentThreadCpuTime();
      Annotation doc = new Annotation(text);
      nlp.annotate(doc);
      ByteArrayOutputStream buf = new ByteArrayOutputStream();
      new JSONOutputter().print(doc, buf, nlp);
      long t2 = mx.getCurrentThreadCpuTime();
      byte[] out = buf.toByteArray();
      ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
      ex.getResponseHeaders().set("X-Cpu-Ms", String.format("%.3f", (t2 - t1) / 1e6));
      ex.getResponseHeaders().set("X-Load-Cpu-Ms", String.format("%.3f", (t1 - t0) / 1e6));
      ex.sendResponseHeaders(200, out.length);
      try (OutputStream os = ex.getResponseBody()) {
        os.write(out);
      }
    } catch (RuntimeException e) {
      byte[] msg = ("annotate: " + e).getBytes(StandardCharsets.UTF_8);
      ex.sendResponseHeaders(500, msg.length);
      try (OutputStream os = ex.getResponseBody()) {
        os.write(msg);
      }
    }
  }

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args.length > 0 ? args[0] : "9000");
    ParseServer s = new ParseServer();
    String preload = System.getProperty("parseserver.preload", "");
    for (String a : preload.split(";")) {
      if (!a.isEmpty()) {
        s.pipeline(a);
      }
    }
    HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    http.createContext("/annotate", s::annotate);
    http.createContext("/ready", ex -> {
      byte[] ok = "ok".getBytes(StandardCharsets.UTF_8);
      ex.sendResponseHeaders(200, ok.length);
      try (OutputStream os = ex.getResponseBody()) {
        os.write(ok);
      }
    });
    http.start();
    System.err.println("parseserver: ready on 127.0.0.1:" + port);
  }
}
