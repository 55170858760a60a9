// The « Recevoir les alertes sur cet appareil » switch: browser permission, PushManager subscription, Enki's API.
const SUBSCRIPTIONS = '/api/web-push/subscriptions';

function supported() {
    return 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window;
}

async function registration() {
    await navigator.serviceWorker.register('/service-worker.js', { scope: '/' });
    return navigator.serviceWorker.ready;
}

function keyBytes(base64url) {
    const base64 = (base64url + '='.repeat((4 - base64url.length % 4) % 4)).replace(/-/g, '+').replace(/_/g, '/');
    return Uint8Array.from(atob(base64), c => c.charCodeAt(0));
}

function send(method, body, antiforgery) {
    return fetch(SUBSCRIPTIONS, {
        method,
        headers: { 'Content-Type': 'application/json', [antiforgery.header]: antiforgery.token },
        body: JSON.stringify(body),
        credentials: 'same-origin',
    });
}

// What the switch shows: 'unsupported', 'denied', or whether this browser holds a subscription (its endpoint).
export async function state() {
    if (!supported()) return { support: 'unsupported', endpoint: null };
    if (Notification.permission === 'denied') return { support: 'denied', endpoint: null };
    const existing = await navigator.serviceWorker.getRegistration('/');
    const subscription = existing ? await existing.pushManager.getSubscription() : null;
    return { support: 'ok', endpoint: subscription ? subscription.endpoint : null };
}

// Returns null when done, else a French reason.
export async function subscribe(publicKey, antiforgery) {
    if (!supported()) return "Ce navigateur ne sait pas recevoir de notifications.";
    const permission = await Notification.requestPermission();
    if (permission !== 'granted') return "Notifications refusées : autorisez-les pour Enki dans les réglages du navigateur.";
    try {
        const ready = await registration();
        let subscription = await ready.pushManager.getSubscription();
        if (subscription && subscription.options.applicationServerKey) {
            const current = new Uint8Array(subscription.options.applicationServerKey);
            const wanted = keyBytes(publicKey);
            if (current.length !== wanted.length || current.some((b, i) => b !== wanted[i])) {
                await subscription.unsubscribe();
                subscription = null;
            }
        }
        subscription = subscription || await ready.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(publicKey) });
        const json = subscription.toJSON();
        const response = await send('POST', { endpoint: json.endpoint, p256dh: json.keys.p256dh, auth: json.keys.auth }, antiforgery);
        if (response.ok) return null;
        const problem = await response.json().catch(() => ({}));
        return problem.detail || `Abonnement refusé (${response.status}).`;
    } catch (error) {
        return `Abonnement impossible sur cet appareil : ${error.message}`;
    }
}

export async function unsubscribe(antiforgery) {
    if (!supported()) return null;
    const existing = await navigator.serviceWorker.getRegistration('/');
    const subscription = existing ? await existing.pushManager.getSubscription() : null;
    if (!subscription) return null;
    const endpoint = subscription.endpoint;
    await subscription.unsubscribe();
    const response = await send('DELETE', { endpoint }, antiforgery);
    return response.ok || response.status === 404 ? null : `Désabonnement refusé (${response.status}).`;
}
