// Starts Blazor (blazor.web.js is loaded with autostart="false") with reconnection paced for several nodes.
// When a node dies, the gateway needs a moment (its health check runs every 2 s) before it sends the
// reconnection to a live node, which rejects the unknown circuit, and the page reloads itself there
// (ReconnectModal.razor.js). Blazor's default spends ten immediate attempts on the dead node, then waits
// 5 s between attempts: here one attempt every half second for 10 s, then every 5 s, about two minutes in all
// before the modal offers its own retries.
Blazor.start({
    circuit: {
        reconnectionOptions: {
            maxRetries: 40,
            retryIntervalMilliseconds: (previousAttempts, maxRetries) =>
                previousAttempts >= maxRetries ? null : previousAttempts === 0 ? 0 : previousAttempts < 20 ? 500 : 5000,
        },
    },
});
