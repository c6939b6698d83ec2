package provcheck

import (
	"strings"
	"testing"
)

// What the provisioning file format allows beyond the API types the files
// are mapped onto must not be reported.
func TestFileFormatExtrasAreAccepted(t *testing.T) {
	c := newRepoChecker(t)
	file := `apiVersion: 1
deleteRules:
  - orgId: 1
    uid: appmon-retired-rule
groups:
  - orgId: 1
    name: AppMon extras
    folder: AppMon
    interval: 1m
    rules:
      - uid: appmon-extra
        title: Uses the file-only keys and defaults
        condition: B
        dashboardUid: appmon-business
        panelId: 10
        keepFiringFor: 1h30m
        noDataState: KeepLast
        data:
          - refId: A
            relativeTimeRange: {from: 600, to: 0}
            datasourceUid: appmon
            model: {refId: A, queryType: slo, objective: checkout, sloField: fast_burn}
          - refId: B
            datasourceUid: __expr__
            model: {refId: B, type: math, expression: '$A > 14.4'}
deleteContactPoints:
  - orgId: 1
    uid: appmon-old
resetPolicies: [1]
deleteMuteTimes:
  - orgId: 1
    name: old window
deleteTemplates:
  - orgId: 1
    name: old
`
	if problems := c.AlertingFile([]byte(file), repoDatasources(t)); len(problems) > 0 {
		t.Errorf("a valid file was rejected:\n  %s", strings.Join(problems, "\n  "))
	}
}
