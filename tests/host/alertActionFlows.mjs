// Acting on an alert from the on-call panel, against the real backend and reference API: a
// test alert raised through the data source's own resource, its escalation card acknowledged
// through the confirmation, and after a refresh (the page runs its queries again, as a
// dashboard refresh does) the alert no longer escalates.
const DATASOURCE_ID = 'appmon-endpoints-datasource';

export function alertActionCases(uid) {
  return [
    {
      id: 'oncall-acknowledge',
      kind: 'panel',
      pluginId: 'appmon-oncallstatus-panel',
      title: 'On call: acknowledge from an escalation card',
      options: { showEscalation: true },
      targets: [
        { refId: 'A', datasource: { type: DATASOURCE_ID, uid }, queryType: 'oncall', oncallView: 'escalation' },
      ],
      expectData: true,
      where: 'the on-call panel acknowledging an alert',
      actionFlow: { uid },
    },
  ];
}

/** Runs the flow in the case's page after its first render; returns what went wrong. */
export async function runActionFlow(c, { page, server, shot }) {
  const errors = [];
  const reload = async (when) => {
    await page.reload();
    await page.waitForFunction(() => window.__hostResult?.done === true, null, { timeout: 60_000 });
    const result = await page.evaluate(() => window.__hostResult);
    errors.push(...result.errors.map((e) => `${when}: ${e}`));
  };
  try {
    const res = await fetch(
      new URL(`api/datasources/uid/${c.actionFlow.uid}/resources/actions/test-alert`, server.url),
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ severity: 'critical', message: 'Host check: acknowledge from the on-call panel' }),
      }
    );
    const body = await res.json();
    const id = body?.alert?.id;
    if (!res.ok || !id) {
      return [`raising a test alert answered ${res.status}: ${JSON.stringify(body)}`];
    }
    await reload('with the test alert');
    const card = page.locator(`li[data-alert-id="${id}"]`);
    await card.waitFor({ timeout: 10_000 }).catch(() => errors.push(`the test alert ${id} has no escalation card`));
    if (errors.length > 0) {
      return errors;
    }
    await card.getByRole('button', { name: `Acknowledge alert ${id}` }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Acknowledge', exact: true }).click();
    const done = card.getByRole('status');
    await done.waitFor({ timeout: 10_000 });
    const said = (await done.textContent()) ?? '';
    if (!said.includes('is acknowledged: its escalation stops.')) {
      errors.push(`after confirming, the card says "${said}"`);
    }
    await shot('acknowledged');
    await reload('after the refresh');
    await shot('after-refresh');
    if ((await page.locator(`li[data-alert-id="${id}"]`).count()) !== 0) {
      errors.push(`alert ${id} still escalates after it was acknowledged and the panel refreshed`);
    }
  } catch (e) {
    errors.push(`${c.id}: ${e instanceof Error ? e.message : String(e)}`);
    await shot('failed').catch(() => {});
  }
  return errors;
}
