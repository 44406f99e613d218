import { expect, it } from 'vitest';
import { signUpInBrowser } from '@/test/browser-client';
import { startInstance, type Instance } from '@/test/instances';
import { setupWebhookReceiver } from '@/test/webhook-receiver';
import { until } from '@/test/waits';
import { describeFaults } from './fault-lab';

// An instance killed while it sends: its jobs are taken up by another.
describeFaults((lab) => {
  /** Webhooks and the e-mail API of the instance killed mid-send. */
  const cutOff = setupWebhookReceiver();

  it('retries on another instance a webhook delivery and an e-mail cut off by a crash, soon', async () => {
    const { app, admin, call, createCustomer, observed } = lab;
    // The owner's e-mail from the lab's sign-up is the app's to send first: the instance to kill
    // is to take only the jobs made below.
    await until(async () => {
      const [pending] = await admin<{ count: number }[]>`
        select count(*)::int as count from pgboss.job
        where name = 'mail' and state in ('created', 'retry', 'active')`;
      return pending!.count === 0;
    });
    // The instance to kill takes the jobs alone: the app is paused meanwhile.
    cutOff.hold('/crash');
    cutOff.hold('/emails');
    app.process.kill('SIGSTOP');
    let victim: Instance | undefined;
    try {
      victim = await startInstance({
        ...lab.services(),
        WEBHOOKS_ALLOW_PRIVATE_TARGETS: 'true',
        TRUST_PROXY: '1',
        MAIL_TRANSPORT: 'http',
        MAIL_HTTP_URL: cutOff.url('/emails'),
        MAIL_HTTP_TOKEN: 'test-token',
      });
      const created = await call(
        'POST',
        '/api/v1/webhooks',
        { url: cutOff.url('/crash'), eventTypes: ['customer.created'] },
        victim,
      );
      const endpointId = (created.body.endpoint as { id: string }).id;
      await createCustomer(victim);
      await signUpInBrowser(victim, { name: 'Cut Off' }, () => ({
        'x-forwarded-for': '198.51.100.8',
      }));
      const sentTo = (path: string) => cutOff.received.filter((hook) => hook.path === path);
      await until(() => sentTo('/crash').length === 1 && sentTo('/emails').length === 1);
      const [mailJob] = await admin<{ id: string }[]>`
        select id from pgboss.job where name = 'mail' and state = 'active'`;
      expect(mailJob).toBeDefined();

      await victim.stop('SIGKILL');
      const killedAt = performance.now();
      cutOff.release();
      app.process.kill('SIGCONT');

      const retried = async (path: string) => {
        await until(() => sentTo(path).length > 1, 240_000);
        return performance.now() - killedAt;
      };
      const mailJobDone = async () => {
        // The app sends mail to its log: the job completing on it is the retry.
        await until(async () => {
          const [job] = await admin<{ state: string }[]>`
            select state from pgboss.job where id = ${mailJob!.id}`;
          return job?.state === 'completed';
        }, 240_000);
        return performance.now() - killedAt;
      };
      const [webhookAfterMs, mailAfterMs] = await Promise.all([retried('/crash'), mailJobDone()]);
      // The same event, delivered once recorded: the killed attempt was never recorded.
      const [first, second] = sentTo('/crash');
      expect(second!.headers['webhook-id']).toBe(first!.headers['webhook-id']);
      await until(async () => {
        const [delivery] = await admin<{ status: string; attempts: number }[]>`
          select status, attempts from webhook_deliveries
          where endpoint_id = ${endpointId}`;
        return delivery?.status === 'succeeded' && delivery.attempts === 1;
      });
      // The send timeout (10 s), the expiry check and the retry delay, not pg-boss's 15 minutes.
      expect(webhookAfterMs).toBeLessThan(120_000);
      expect(mailAfterMs).toBeLessThan(120_000);
      observed.crashMidSend = {
        webhookRetriedMsAfterKill: Math.round(webhookAfterMs),
        mailRetriedMsAfterKill: Math.round(mailAfterMs),
      };
      await call('DELETE', `/api/v1/webhooks/${endpointId}`);
    } finally {
      app.process.kill('SIGCONT');
      cutOff.release();
      await victim?.stop('SIGKILL');
    }
  }, 300_000);
});
