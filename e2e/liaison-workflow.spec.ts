import { test, expect } from './fixtures';
import { openCase } from './open-case';

// The whole story: a manager shares a case with the liaison, who finds it by its
// reference and records what the police and the court did; the lead investigator sees it;
// the status follows the lifecycle; withdrawing the share shuts the liaison out at once.
const PRAK_VANNAK = 'Prak Vannak (Anti-Human Trafficking and Juvenile Protection Department)';
const KEO_SOPHEA = 'Keo Sophea (investigator)';

test.describe('the liaison officer on a shared case', () => {
  // Three personas, a dozen saves and renders on a two-core machine.
  test.slow();

  test('[manager] shares, [liaison] records an arrest and a prosecution to conviction, [investigator] sees it, [manager] closes and withdraws', async ({ manager, liaison, investigator }) => {
    // Yesterday in UTC is never in Phnom Penh's future.
    const day = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const caseNumber = `E2E-LW-${Date.now() % 100000}`;

    // The manager opens a case with one identified suspect, makes the demo investigator its
    // lead and shares it with the demo liaison by name.
    const { url, reference } = await openCase(manager, { title: `E2E liaison workflow ${Date.now()}`, suspect: { relationship: 'Neighbour', status: 'Identified' } });
    const team = manager.getByRole('region', { name: 'Team and sharing' });
    await team.getByTestId('change-lead').click();
    await team.getByLabel('New lead investigator', { exact: true }).selectOption({ label: KEO_SOPHEA });
    await team.getByTestId('change-lead-open').getByRole('button', { name: 'Change the lead' }).click();
    await expect(team.getByTestId('case-lead')).toHaveText('Keo Sophea');
    await team.getByTestId('share-liaison').click();
    await team.getByLabel('Liaison officer', { exact: true }).selectOption({ label: PRAK_VANNAK });
    await team.getByTestId('share-liaison-open').getByRole('button', { name: 'Share with a liaison officer' }).click();
    await expect(team.getByTestId('named-liaison').filter({ hasText: 'Prak Vannak' })).toBeVisible();

    // The lead has seen the case as it stands now.
    await investigator.goto(url);
    await expect(investigator.getByTestId('case-status')).toHaveText('Reported');

    // The liaison finds it from their home by its reference.
    await liaison.goto('/home');
    await liaison.getByLabel('Find a case by its reference').fill(reference);
    await liaison.getByRole('button', { name: 'Open case' }).click();
    await expect(liaison).toHaveURL((u) => u.pathname === url);
    // Children only as counts: the girl of 9 is a number in a table, nothing more.
    await expect(liaison.getByTestId('victim')).toHaveCount(0);

    // Records the arrest as a quick action.
    const suspect = liaison.getByTestId('suspect').first();
    const arrest = suspect.getByTestId('record-arrest');
    await arrest.getByRole('button', { name: /^Record the arrest of/ }).click();
    await arrest.getByLabel('Arrest date').fill(day);
    await arrest.getByLabel('Arresting agency').selectOption({ label: 'Anti-Human Trafficking and Juvenile Protection Department' });
    await arrest.getByLabel('Place of arrest').fill('Ta Khmau market');
    await arrest.getByRole('button', { name: 'Save' }).click();
    await expect(suspect.getByTestId('suspect-status')).toHaveText('Arrested');
    await expect(liaison.getByTestId('timeline')).toContainText('from Reported to Suspect arrested (a suspect was arrested)');

    // Files a prosecution, then updates it to a conviction with a 15-year sentence.
    const add = liaison.getByTestId('add-prosecution').first();
    await add.getByRole('button', { name: /^Add a prosecution/ }).click();
    await add.getByLabel('Court', { exact: true }).selectOption({ label: 'Kandal Provincial Court' });
    await add.getByLabel('Court case number').fill(caseNumber);
    await add.getByLabel('Indecent assault', { exact: true }).check();
    await add.getByLabel('Date filed').fill(day);
    await add.getByRole('button', { name: 'Save' }).click();
    const prosecution = liaison.getByTestId('prosecution').filter({ hasText: caseNumber });
    await expect(prosecution.getByTestId('prosecution-status')).toHaveText('Charged');
    await expect(liaison.getByTestId('timeline')).toContainText('to Referred to court (a charge was filed)');

    const update = prosecution.getByTestId('update-prosecution');
    await update.getByRole('button', { name: /^Update prosecution/ }).click();
    await update.getByLabel('Status', { exact: true }).selectOption({ label: 'Convicted' });
    await update.getByLabel('Verdict date').fill(day);
    await update.getByLabel('Sentence (years)').fill('15');
    await update.getByRole('button', { name: 'Save' }).click();
    await expect(prosecution.getByTestId('prosecution-status')).toHaveText('Convicted');
    await expect(prosecution).toContainText('15 years');

    // The lead investigator: the case is marked as updated on their home, with what changed,
    // and the timeline has the liaison's arrest and prosecution.
    await investigator.goto('/home');
    const row = investigator.getByTestId('updates').getByRole('row').filter({ hasText: reference });
    await expect(row).toContainText('Arrest recorded');
    await expect(row).toContainText('Prosecution updated');
    await expect(row).toContainText('by Prak Vannak');
    await row.getByRole('link', { name: reference }).click();
    const timeline = investigator.getByTestId('timeline');
    await expect(timeline).toContainText('Suspect arrested on');
    await expect(timeline).toContainText('Prosecution filed (Charged)');
    await expect(timeline).toContainText('Verdict recorded: Convicted, 15 years');
    await expect(timeline.locator('li').filter({ hasText: 'Verdict recorded' })).toContainText('Prak Vannak');
    await expect(investigator.getByTestId('case-status')).toHaveText('Referred to court');

    // Every prosecution is decided: the manager closes the case as convicted.
    await manager.goto(url);
    await manager.getByTestId('close-suggested').click();
    await manager.getByTestId('close-suggested-open').getByRole('button', { name: 'Close as convicted' }).click();
    await expect(manager.getByTestId('timeline').locator('li').first()).toContainText(/to Closed \(Convicted\)/);

    // Withdrawn: the liaison's very next request for the case is refused, and it leaves their home.
    const named = team.getByTestId('named-liaison').filter({ hasText: 'Prak Vannak' });
    await named.getByRole('button', { name: 'Withdraw the share with Prak Vannak' }).click();
    await named.getByRole('button', { name: 'Withdraw the share', exact: true }).click();
    await expect(team.getByTestId('named-liaison')).toHaveCount(0);
    expect((await liaison.goto(url))?.status()).toBe(404);
    await expect(liaison.getByText(reference)).toHaveCount(0);
    await liaison.goto('/home');
    await liaison.getByLabel('Find a case by its reference').fill(reference);
    await liaison.getByRole('button', { name: 'Open case' }).click();
    await expect(liaison.getByText('No case with that reference is shared with you.')).toBeVisible();
    await expect(liaison.getByTestId('shared-cases').getByText(reference)).toHaveCount(0);
  });
});
