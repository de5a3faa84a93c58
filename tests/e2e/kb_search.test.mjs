// Issue 4: the customer types a question, sees the right article suggested, reads it inside the
// widget and answers "yes": no ticket, and the resolution reaches the backend.
import assert from 'node:assert/strict';
import { run, openWidget, screenshot, settledList } from './harness.mjs';

await run('KB search answers the question', async ({ server, browser }) => {
  const { page } = await openWidget(browser, server);
  const widget = page.getByRole('dialog');
  // Words that differ from the article's title ("licence key" / "activating").
  await widget.getByRole('searchbox', { name: /search/i }).pressSequentially('activate my licen', { delay: 30 });
  const suggestion = widget.getByRole('button', { name: /licen[cs]e/i }).first();
  await suggestion.waitFor({ timeout: 10000 });
  await screenshot(page, 'kb-search-suggestions');
  const title = await suggestion.textContent();
  await suggestion.click();
  await widget.getByRole('heading', { name: title, level: 2 }).waitFor();
  await screenshot(page, 'kb-article');
  await widget.getByRole('button', { name: /answered my question/i }).click();
  await widget.getByRole('status').waitFor({ timeout: 10000 });
  const events = await settledList(server.events);   // the event is sent in the background
  assert.equal(events.length, 1, 'one resolution event, and no late second one');
  assert.equal(events[0].type, 'resolved');
  assert.ok(events[0].article, 'the event names the article');
  assert.equal((await settledList(server.tickets, { timeoutMs: 0 })).length, 0, 'no ticket');
});
