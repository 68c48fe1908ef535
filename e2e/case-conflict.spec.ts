import { test, expect } from './fixtures';
import { caseFacts } from './case-facts';

// Two personas sign in (argon2id) on a busy two-core machine before the test starts.
test.slow();

test('[investigator] and [manager] edit the same case: the second save is refused, shows the change and keeps its values', async ({ investigator, manager }) => {
  const c = caseFacts.memberCasesWithSuspects.at(-1)!;
  const url = `/cases/${c.id}`;
  await Promise.all([investigator.goto(url), manager.goto(url)]);
  for (const page of [investigator, manager]) {
    await page.getByTestId('edit-basics').getByRole('button', { name: 'Edit case details' }).click();
  }
  const first = 'First save wins';
  const second = 'Second save is refused';

  const firstForm = investigator.getByTestId('edit-basics');
  await firstForm.getByLabel('Title').fill(first);
  await firstForm.getByRole('button', { name: 'Save' }).click();
  await expect(investigator.getByRole('heading', { level: 1 })).toHaveText(first);

  const secondForm = manager.getByTestId('edit-basics');
  await secondForm.getByLabel('Title').fill(second);
  await secondForm.getByLabel('Priority').selectOption('urgent');
  await secondForm.getByRole('button', { name: 'Save' }).click();
  const notice = secondForm.getByTestId('conflict-notice');
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('someone else saved this record');
  const titleRow = notice.locator('tr[data-field="title"]');
  await expect(titleRow.getByTestId('conflict-theirs')).toHaveText(first);
  await expect(titleRow.getByTestId('conflict-yours')).toHaveText(second);
  await expect(secondForm.getByLabel('Title'), 'typed values kept').toHaveValue(second);
  await expect(secondForm.getByLabel('Priority')).toHaveValue('urgent');

  await manager.reload();
  await expect(manager.getByRole('heading', { level: 1 }), 'the first save holds').toHaveText(first);
});
