module github.com/kapgraph/kapgraph

go 1.26
