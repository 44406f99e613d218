/* Clientele's service worker: shows the notifications pushed to this browser and, on a click,
   brings up the record they are about. Plain script: the browser loads it as is from /sw.js. */

self.addEventListener('install', () => {
  // A new version takes over at once: it only shows notifications, there is no cache to migrate.
  self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil(self.clients.claim());
});

self.addEventListener('push', (event) => {
  const message = readMessage(event.data);
  event.waitUntil(
    self.registration.showNotification(message.title, {
      body: message.body,
      data: { url: message.url },
      tag: message.tag,
      icon: '/icon.svg',
    }),
  );
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const target = sameOriginUrl(event.notification.data && event.notification.data.url);
  event.waitUntil(showWindowAt(target));
});

/** The pushed JSON ({ title, body, url, tag }); a message that is not is still shown. */
function readMessage(data) {
  let message = {};
  try {
    message = data ? data.json() : {};
  } catch {
    message = { body: data ? data.text() : '' };
  }
  return {
    title: typeof message.title === 'string' && message.title ? message.title : 'Clientele',
    body: typeof message.body === 'string' ? message.body : '',
    url: typeof message.url === 'string' ? message.url : '/',
    tag: typeof message.tag === 'string' ? message.tag : undefined,
  };
}

/** Only this app's pages are opened from a notification; anything else opens its home. */
function sameOriginUrl(url) {
  try {
    const parsed = new URL(url, self.location.origin);
    if (parsed.origin === self.location.origin) return parsed.href;
  } catch {
    // Not a URL: the home page below.
  }
  return new URL('/', self.location.origin).href;
}

async function showWindowAt(url) {
  const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  const open = windows.find((client) => client.url === url);
  if (open) return open.focus();
  return self.clients.openWindow(url);
}
