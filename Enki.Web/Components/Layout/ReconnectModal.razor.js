// Set up event handlers
const reconnectModal = document.getElementById("components-reconnect-modal");
reconnectModal.addEventListener("components-reconnect-state-changed", handleReconnectStateChanged);

const retryButton = document.getElementById("components-reconnect-button");
retryButton.addEventListener("click", retry);

const resumeButton = document.getElementById("components-resume-button");
resumeButton.addEventListener("click", resume);

// A node being stopped gracefully asks its browsers to pause: Blazor hands the circuit's state to the
// browser, which resumes it on another node through the gateway (the stopping node refuses new
// circuits with 503 and fails its health check, so a resume that reaches it is tried again).
// Returns at once: the pause closes the connection this call came through.
window.enkiPauseForNodeStop = () => {
    setTimeout(pauseThenResumeElsewhere, 0);
};

async function pauseThenResumeElsewhere() {
    if (!await Blazor.pauseCircuit()) {
        return;
    }
    for (let attempt = 0; attempt < 30; attempt++) {
        await new Promise(resolve => setTimeout(resolve, 1000));
        try {
            if (await Blazor.resumeCircuit()) {
                closeOnceRedrawn();
            } else {
                // Reached a node that could not take the state: the address still holds the page and its filters.
                location.reload();
            }
            return;
        } catch {
            // Still the stopping node, or no node yet: try again.
        }
    }
    location.reload();
}

// A resumed circuit draws the page again with its own event handlers; until then the page on screen is the
// paused circuit's, whose handlers are gone, and a click on it would be lost. The modal stays until the
// first drawing (or 5 s at most).
function closeOnceRedrawn() {
    const done = () => {
        observer.disconnect();
        clearTimeout(timeout);
        reconnectModal.close();
    };
    const observer = new MutationObserver(done);
    observer.observe(document.body, { childList: true, subtree: true });
    const timeout = setTimeout(done, 5000);
}

function handleReconnectStateChanged(event) {
    if (event.detail.state === "show") {
        reconnectModal.showModal();
    } else if (event.detail.state === "hide") {
        reconnectModal.close();
    } else if (event.detail.state === "failed") {
        document.addEventListener("visibilitychange", retryWhenDocumentBecomesVisible);
        // Wall screens are never clicked nor switched: keep trying until the server is back.
        scheduleRetry();
    } else if (event.detail.state === "rejected") {
        location.reload();
    }
}

let retryTimer = null;

function scheduleRetry() {
    if (retryTimer === null) {
        retryTimer = setTimeout(async () => {
            retryTimer = null;
            await retry();
        }, 10000);
    }
}

async function retry() {
    document.removeEventListener("visibilitychange", retryWhenDocumentBecomesVisible);

    try {
        // Reconnect will asynchronously return:
        // - true to mean success
        // - false to mean we reached the server, but it rejected the connection (e.g., unknown circuit ID)
        // - exception to mean we didn't reach the server (this can be sync or async)
        const successful = await Blazor.reconnect();
        if (!successful) {
            // We have been able to reach the server, but the circuit is no longer available.
            // We'll reload the page so the user can continue using the app as quickly as possible.
            const resumeSuccessful = await Blazor.resumeCircuit();
            if (!resumeSuccessful) {
                location.reload();
            } else {
                closeOnceRedrawn();
            }
        }
    } catch (err) {
        // We got an exception, server is currently unavailable
        document.addEventListener("visibilitychange", retryWhenDocumentBecomesVisible);
        scheduleRetry();
    }
}

async function resume() {
    try {
        const successful = await Blazor.resumeCircuit();
        if (!successful) {
            location.reload();
        }
    } catch {
        reconnectModal.classList.replace("components-reconnect-paused", "components-reconnect-resume-failed");
    }
}

async function retryWhenDocumentBecomesVisible() {
    if (document.visibilityState === "visible") {
        await retry();
    }
}
