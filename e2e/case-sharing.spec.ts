import { test, expect } from './fixtures';
import { sharingCase } from './case-facts';

// The demo liaison as the manager's form lists them: name, then agency.
const PRAK_VANNAK = 'Prak Vannak (Anti-Human Trafficking and Juvenile Protection Department)';

test.describe('sharing a case with a named liaison officer', () => {
  // Two personas signing in (argon2id) and several renders on a busy two-core machine.
  test.slow();

  test('[manager] shares a case with the liaison by name, then withdraws it; [liaison] sees it only in between', async ({ manager, liaison }) => {
    const url = `/cases/${sharingCase.id}`;
    expect((await liaison.goto(url))?.status(), 'the case starts out not shared with the liaison').toBe(404);

    await manager.goto(url);
    const team = manager.getByRole('region', { name: 'Team and sharing' });
    await team.getByTestId('share-liaison').click();
    await team.getByLabel('Liaison officer', { exact: true }).selectOption({ label: PRAK_VANNAK });
    await team.getByTestId('share-liaison-open').getByRole('button', { name: 'Share with a liaison officer' }).click();
    const named = team.getByTestId('named-liaison').filter({ hasText: 'Prak Vannak' });
    await expect(named).toBeVisible();
    await expect(manager.getByTestId('timeline').locator('li').first()).toContainText('Shared with liaison officer: Prak Vannak');

    const shared = await liaison.goto(url);
    expect(shared?.status()).toBe(200);
    await expect(liaison.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(liaison.getByText(sharingCase.reference)).toBeVisible();
    await expect(liaison.getByRole('region', { name: 'Team and sharing' }).getByText('Shared with you by name.')).toBeVisible();

    // Withdrawing asks for confirmation first.
    await named.getByRole('button', { name: 'Withdraw the share with Prak Vannak' }).click();
    await named.getByRole('button', { name: 'Withdraw the share', exact: true }).click();
    await expect(team.getByTestId('named-liaison').filter({ hasText: 'Prak Vannak' })).toHaveCount(0);
    await expect(manager.getByTestId('timeline').locator('li').first()).toContainText('Share with liaison officer withdrawn: Prak Vannak');

    const after = await liaison.reload();
    expect(after?.status(), 'the liaison\'s very next request is refused').toBe(404);
    await expect(liaison.getByText(sharingCase.reference)).toHaveCount(0);
  });
});
