package export

// LastFirstForTest exposes lastFirst to the external tests.
var LastFirstForTest = lastFirst
