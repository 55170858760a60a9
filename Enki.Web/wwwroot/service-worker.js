// Enki's service worker: Web Push notifications, nothing else.
// No offline cache on purpose: Enki is a Blazor Server app whose pages live on a circuit to the server;
// a cached page could not work offline and would only show stale crisis data. Every fetch goes to the network.
'use strict';

const ACKNOWLEDGE = 'acquitter';
const ACKNOWLEDGEMENTS = '/api/web-push/acknowledgements';

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', event => event.waitUntil(self.clients.claim()));

// payload (encrypted by Enki for this device, RFC 8291): { title, body, url, ackToken?, warningId, urgent }
self.addEventListener('push', event => {
    let payload = {};
    try {
        payload = event.data ? event.data.json() : {};
    } catch {
        payload = { body: event.data ? event.data.text() : '' };
    }
    const options = {
        body: payload.body || '',
        tag: payload.warningId || 'enki',
        renotify: true,
        requireInteraction: !!payload.urgent,
        icon: '/icons/enki-192.png',
        badge: '/icons/enki-192.png',
        lang: 'fr',
        data: { url: payload.url || '/avertissements', ackToken: payload.ackToken || null, warningId: payload.warningId || null },
        actions: payload.ackToken ? [{ action: ACKNOWLEDGE, title: 'Acquitter' }] : [],
    };
    event.waitUntil(self.registration.showNotification(payload.title || 'Enki', options));
});

self.addEventListener('notificationclick', event => {
    const notification = event.notification;
    const data = notification.data || {};
    notification.close();
    if (event.action === ACKNOWLEDGE && data.ackToken) {
        event.waitUntil(acknowledge(data));
        return;
    }
    event.waitUntil(open(data.url || '/avertissements'));
});

// One tap: the token is the proof (no session needed); on refusal or without network, open the warning's page instead.
async function acknowledge(data) {
    try {
        const response = await fetch(ACKNOWLEDGEMENTS, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ token: data.ackToken }),
            credentials: 'omit',
        });
        if (response.ok) {
            await self.registration.showNotification('Avertissement acquitté', {
                body: "L'escalade est arrêtée pour tout votre service.", tag: data.warningId || 'enki', icon: '/icons/enki-192.png', lang: 'fr',
            });
            return;
        }
    } catch {
        // no network: the page will say
    }
    await open(data.url || '/avertissements');
}

async function open(url) {
    const target = new URL(url, self.location.origin).href;
    const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
    for (const client of windows) {
        if (client.url === target && 'focus' in client) return client.focus();
    }
    for (const client of windows) {
        if ('navigate' in client && new URL(client.url).origin === self.location.origin) {
            await client.focus();
            return client.navigate(target);
        }
    }
    return self.clients.openWindow(target);
}
