package server

import _ "embed"

// openAPIDoc describes the JSON API (OpenAPI 3.1). TestOpenAPI calls
// every API route and checks each answer against it, and checks that
// the route table and the document list the same routes.
//
//go:embed openapi.json
var openAPIDoc []byte
