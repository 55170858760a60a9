// Installable app: registers the service worker (Web Push only, no offline cache) on every page.
if ('serviceWorker' in navigator) {
    navigator.serviceWorker.register('/service-worker.js', { scope: '/' }).catch(error => console.warn('Service worker :', error));
}
