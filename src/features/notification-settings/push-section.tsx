'use client';

import { useEffect, useState } from 'react';
import { SettingsSection } from '@/components/settings-section';
import { Alert, AlertDescription } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { QueryState } from '@/components/query-state';
import { describeError } from '@/lib/server-errors';
import { toast } from '@/lib/toast';
import { api } from '@/trpc/react';

const SERVICE_WORKER_URL = '/sw.js';

/** What this browser can do and has done: known only once the page runs in it. */
type BrowserPush =
  | { state: 'checking' }
  | { state: 'unsupported' }
  | { state: 'ready'; subscribed: boolean; blocked: boolean };

/** Web Push on this browser: whether the server offers it, and a switch for this browser. */
export function PushSection() {
  const publicKey = api.account.push.publicKey.useQuery();
  return (
    <SettingsSection
      title="Push notifications"
      description="Notifications shown by this browser, even when Clientele is not open. Turn them on in each browser you want them in."
    >
      <QueryState
        query={publicKey}
        loading={{ label: 'Loading push settings', shape: 'fields', count: 1 }}
        failure="Push settings could not be loaded."
      >
        {({ publicKey: key }) =>
          key ? (
            <BrowserPushSwitch publicKey={key} />
          ) : (
            <p className="text-sm text-muted-foreground">
              Push notifications are not set up on this server.
            </p>
          )
        }
      </QueryState>
    </SettingsSection>
  );
}

function BrowserPushSwitch({ publicKey }: { publicKey: string }) {
  const [browser, setBrowser] = useState<BrowserPush>({ state: 'checking' });
  const [working, setWorking] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const subscribe = api.account.push.subscribe.useMutation();
  const unsubscribe = api.account.push.unsubscribe.useMutation();

  useEffect(() => {
    let cancelled = false;
    readBrowserPush().then(
      (found) => !cancelled && setBrowser(found),
      () => !cancelled && setBrowser({ state: 'unsupported' }),
    );
    return () => {
      cancelled = true;
    };
  }, []);

  async function turnOn() {
    setProblem(null);
    const permission = await Notification.requestPermission();
    if (permission !== 'granted') {
      setBrowser({ state: 'ready', subscribed: false, blocked: permission === 'denied' });
      setProblem(
        permission === 'denied'
          ? BLOCKED
          : 'The browser did not get your permission to show notifications. Try again and choose Allow.',
      );
      return;
    }
    const registration = await navigator.serviceWorker.register(SERVICE_WORKER_URL, {
      scope: '/',
      updateViaCache: 'none',
    });
    await navigator.serviceWorker.ready;
    const serverKey = base64UrlBytes(publicKey);
    const existing = await registration.pushManager.getSubscription();
    // A subscription made with another server key (the server's keys changed) can never be
    // sent to: replace it.
    if (existing && !sameBytes(existing.options.applicationServerKey, serverKey)) {
      await existing.unsubscribe();
    }
    const subscription = await registration.pushManager.subscribe({
      userVisibleOnly: true,
      applicationServerKey: serverKey,
    });
    const { endpoint, keys } = subscription.toJSON();
    try {
      await subscribe.mutateAsync({
        endpoint: endpoint ?? subscription.endpoint,
        keys: { p256dh: keys?.p256dh ?? '', auth: keys?.auth ?? '' },
      });
    } catch (error) {
      // Not kept on the server: not kept here either, so the switch tells the truth.
      await subscription.unsubscribe();
      throw error;
    }
    setBrowser({ state: 'ready', subscribed: true, blocked: false });
    toast.success('Push notifications are on for this browser');
  }

  async function turnOff() {
    setProblem(null);
    const registration = await navigator.serviceWorker.getRegistration('/');
    const subscription = await registration?.pushManager.getSubscription();
    if (subscription) {
      await unsubscribe.mutateAsync({ endpoint: subscription.endpoint });
      await subscription.unsubscribe();
    }
    setBrowser({ state: 'ready', subscribed: false, blocked: false });
    toast.success('Push notifications are off for this browser');
  }

  async function run(action: () => Promise<void>) {
    setWorking(true);
    try {
      await action();
    } catch (error) {
      setProblem(describePushError(error));
    } finally {
      setWorking(false);
    }
  }

  if (browser.state === 'checking') {
    return <p className="text-sm text-muted-foreground">Checking this browser…</p>;
  }
  if (browser.state === 'unsupported') {
    return (
      <p className="text-sm text-muted-foreground">
        This browser cannot receive push notifications. On iPhone and iPad, add Clientele to the
        Home Screen and open it from there.
      </p>
    );
  }
  return (
    <div className="grid gap-3">
      <p className="text-sm">
        {browser.subscribed
          ? 'This browser receives push notifications.'
          : 'This browser does not receive push notifications.'}
      </p>
      {problem || browser.blocked ? (
        <Alert variant="destructive">
          <AlertDescription>{problem ?? BLOCKED}</AlertDescription>
        </Alert>
      ) : null}
      <div>
        <Button
          type="button"
          variant={browser.subscribed ? 'outline' : 'default'}
          disabled={working || (!browser.subscribed && browser.blocked)}
          onClick={() => run(browser.subscribed ? turnOff : turnOn)}
        >
          {working
            ? browser.subscribed
              ? 'Turning off…'
              : 'Turning on…'
            : browser.subscribed
              ? 'Turn off push on this browser'
              : 'Turn on push on this browser'}
        </Button>
      </div>
    </div>
  );
}

const BLOCKED =
  'Notifications are blocked for this site in your browser. Allow them in the site settings (the icon beside the address), then reload this page.';

async function readBrowserPush(): Promise<BrowserPush> {
  if (
    !('serviceWorker' in navigator) ||
    !('PushManager' in window) ||
    !('Notification' in window)
  ) {
    return { state: 'unsupported' };
  }
  const registration = await navigator.serviceWorker.getRegistration('/');
  const subscription = await registration?.pushManager.getSubscription();
  return {
    state: 'ready',
    subscribed: Boolean(subscription) && Notification.permission === 'granted',
    blocked: Notification.permission === 'denied',
  };
}

function describePushError(error: unknown): string {
  if (error instanceof DOMException && error.name === 'NotAllowedError') return BLOCKED;
  if (error instanceof DOMException) {
    return `The browser could not set up push notifications: ${error.message}`;
  }
  return describeError(error);
}

function base64UrlBytes(value: string): Uint8Array<ArrayBuffer> {
  const base64 = value.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  return Uint8Array.from(binary, (character) => character.charCodeAt(0));
}

function sameBytes(key: ArrayBuffer | null, expected: Uint8Array): boolean {
  if (!key || key.byteLength !== expected.length) return false;
  const bytes = new Uint8Array(key);
  return bytes.every((byte, index) => byte === expected[index]);
}
