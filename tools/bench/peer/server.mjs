// The peer of kapgraph's benchmark: the Neo4j GraphQL Library
// (@neo4j/graphql 7) over the same Neo4j database and data, served by
// GraphQL Yoga, the server its maintainers measured fastest.
//
// The type definitions model kapgraph's storage layout the way a user of
// the library would: every node is an :Entity with one category label;
// every curated predicate is a relationship field whose properties are the
// claim (score, sign, evidence as kapgraph stores it); studies are their
// own @node type for the filtered list; and what the library cannot
// generate (dashboard counts, signed mechanism paths, a bounded
// neighbourhood) are @cypher fields whose statements are the very Cypher
// the benchmark's raw-Cypher floor runs (bench/queries.go writes them to
// cypher.json, which this server reads).
//
// Environment: NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD, NEO4J_DATABASE,
// PEER_PORT (default 4001), PEER_CYPHER (path of cypher.json).
import { createServer } from "node:http";
import { readFileSync } from "node:fs";
import { createYoga } from "graphql-yoga";
import { Neo4jGraphQL } from "@neo4j/graphql";
import neo4j from "neo4j-driver";

const env = process.env;
const cypher = JSON.parse(readFileSync(env.PEER_CYPHER || new URL("./cypher.json", import.meta.url), "utf8"));
const quote = (s) => JSON.stringify(s); // a GraphQL string literal

const curated = [
  ["affects", "AFFECTS"],
  ["correlatedWith", "CORRELATED_WITH"],
  ["studiedToTreat", "STUDIED_TO_TREAT"],
  ["hasAdverseEvent", "HAS_ADVERSE_EVENT"],
  ["locatedIn", "LOCATED_IN"],
  ["partOf", "PART_OF"],
  ["hasPart", "HAS_PART"],
  ["consideredFor", "CONSIDERED_FOR"],
  ["associatedWith", "ASSOCIATED_WITH"],
];

const typeDefs = /* GraphQL */ `
  "Any node of the graph: kapgraph's Node interface, as one @node type over the :Entity label."
  type Entity @node(labels: ["Entity"]) {
    id: ID!
    category: String!
    name: String
    kind: String
    synonyms: [String!]
    description: String
    document: String
    year: Int
    design: String
    evidenceLevel: Int
${curated.map(([f, t]) => `    ${f}: [Entity!]! @relationship(type: "${t}", direction: OUT, properties: "Claim")`).join("\n")}
  }

  "A curated claim: the properties kapgraph stores on each relationship."
  type Claim @relationshipProperties {
    id: ID!
    score: Float
    sign: String
    origin: String
    document: String
    "The evidence sentences (quote, passage, section, studies, citations), as kapgraph stores them: JSON."
    evidence_json: String
    publications: [String!]
    q_disorder: String
  }

  "A cited study, for the filtered list."
  type Study @node(labels: ["Study", "Entity"]) {
    id: ID!
    name: String
    year: Int
    design: String
    evidenceLevel: Int
    refNumber: Int
    document: String
  }

  type Count {
    key: String!
    count: Int!
  }

  type Stats {
    nodes: Int!
    edges: Int!
    documents: Int!
    byCategory: [Count!]!
    byPredicate: [Count!]!
    byDesign: [Count!]!
    byEvidenceLevel: [Count!]!
    byYear: [Count!]!
    byConcernKind: [Count!]!
  }

  type NodeRef {
    id: ID!
    name: String
    category: String
  }

  type EdgeRef {
    id: ID!
    predicate: String!
    subject: ID!
    object: ID!
  }

  type PathResult {
    length: Int!
    sign: String
    score: Float!
    nodes: [NodeRef!]!
    claims: [ID!]!
  }

  type Subgraph {
    truncated: Boolean!
    nodes: [NodeRef!]!
    edges: [EdgeRef!]!
  }

  type Query {
    stats: Stats @cypher(statement: ${quote(cypher.stats)}, columnName: "stats")
    mechanismToOutcomePaths(from: ID!, maxHops: Int!, first: Int!): [PathResult!]!
      @cypher(statement: ${quote(cypher.peerPaths)}, columnName: "path")
    neighborhood(id: ID!, limit: Int!): Subgraph @cypher(statement: ${quote(cypher.neighborhood)}, columnName: "subgraph")
  }
`;

const driver = neo4j.driver(
  env.NEO4J_URI || "bolt://127.0.0.1:7687",
  neo4j.auth.basic(env.NEO4J_USERNAME || "neo4j", env.NEO4J_PASSWORD || "kapgraph-dev-password"),
  { maxConnectionPoolSize: 100, disableLosslessIntegers: false },
);
const database = env.NEO4J_DATABASE || "neo4j";

const schema = await new Neo4jGraphQL({ typeDefs, driver }).getSchema();

const yoga = createYoga({
  schema,
  graphqlEndpoint: "/graphql",
  logging: false,
  maskedErrors: false,
  graphiql: false,
  landingPage: false,
  context: () => ({ sessionConfig: { database } }),
});

const port = Number(env.PEER_PORT || 4001);
const server = createServer(yoga);
server.keepAliveTimeout = 65_000;
server.listen(port, "127.0.0.1", () => {
  console.log(`peer: @neo4j/graphql on GraphQL Yoga at http://127.0.0.1:${port}/graphql`);
});

for (const sig of ["SIGTERM", "SIGINT"]) {
  process.on(sig, () => {
    server.close();
    driver.close().finally(() => process.exit(0));
  });
}
