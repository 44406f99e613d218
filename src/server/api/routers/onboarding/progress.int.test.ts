import { describe, expect, it } from 'vitest';
import { newMemberCaller, organizationWithOwner, salesOrganization } from '@/test/factories';
import { setupTestServices } from '@/test/services';

const { services } = setupTestServices();

const doneSteps = (progress: { steps: { step: string; done: boolean }[] }) =>
  progress.steps.filter((s) => s.done).map((s) => s.step);

describe('onboarding.progress', () => {
  it('starts a new organization at 0 of 4 with nothing to show', async () => {
    const { org, api } = await organizationWithOwner(services());
    expect(await api.onboarding.progress()).toEqual({
      organizationId: org.id,
      steps: [
        { step: 'customers', done: false },
        { step: 'team', done: false },
        { step: 'pipeline', done: false },
        { step: 'apiKey', done: false },
      ],
      doneCount: 0,
      hasData: false,
    });
  });

  it('checks each step off from the data: a customer, an invitation, a deal and an API key', async () => {
    const { api } = await organizationWithOwner(services());
    await api.customers.create({ firstName: 'Ada' });
    expect(doneSteps(await api.onboarding.progress())).toEqual(['customers']);

    await api.invitations.create({ email: 'new-colleague@example.com', role: 'member' });
    await api.deals.create({ title: 'First deal', currency: 'EUR' });
    await api.apiKeys.create({ name: 'Accounting sync' });

    const progress = await api.onboarding.progress();
    expect(progress.doneCount).toBe(4);
    expect(progress.steps.every((s) => s.done)).toBe(true);
    expect(progress.hasData).toBe(true);
  });

  it('counts the pipeline as set up once its stages were edited, without any deal', async () => {
    const { api, pipeline } = await salesOrganization(services());
    await api.pipelines.update({ id: pipeline.id, name: 'Sales team' });
    expect(doneSteps(await api.onboarding.progress())).toEqual(['pipeline']);
  });

  it('counts the team step when a teammate joined, and not for a revoked invitation', async () => {
    const { org, api } = await organizationWithOwner(services());
    const invitation = await api.invitations.create({ email: 'maybe@example.com' });
    await api.invitations.revoke({ id: invitation.id });
    expect(doneSteps(await api.onboarding.progress())).toEqual([]);
    await newMemberCaller(services(), org, 'member');
    expect(doneSteps(await api.onboarding.progress())).toEqual(['team']);
  });

  it('shows each role only the steps it can act on', async () => {
    const { org, api } = await organizationWithOwner(services());
    await api.customers.create({ firstName: 'Ada' });
    const viewer = await newMemberCaller(services(), org, 'viewer');
    expect(await viewer.onboarding.progress()).toMatchObject({
      steps: [],
      doneCount: 0,
      hasData: true,
    });
    const member = await newMemberCaller(services(), org, 'member');
    expect(await member.onboarding.progress()).toMatchObject({
      steps: [{ step: 'customers', done: true }],
      doneCount: 1,
    });
  });

  it('does not count another organization’s data', async () => {
    const { api: busy } = await organizationWithOwner(services());
    await busy.customers.create({ firstName: 'Elsewhere' });
    await busy.apiKeys.create({ name: 'Elsewhere key' });
    const { api } = await organizationWithOwner(services());
    expect((await api.onboarding.progress()).doneCount).toBe(0);
  });
});
