package wire

// Version is what a whosaid binary is: its module version, the commit it
// was built from, and the SHA-256 of each model embedded in it.
type Version struct {
	Version    string            `json:"version"`
	Commit     *string           `json:"commit"`
	CommitTime *string           `json:"commit_time"`
	Modified   bool              `json:"modified"` // built from a tree with uncommitted changes
	Go         string            `json:"go"`
	Models     map[string]string `json:"models"` // name → SHA-256 (hex)
}
