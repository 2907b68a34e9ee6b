// Registers the service worker (/sw.js) that keeps the page working offline after the first
// visit. Optional: where service workers are missing (an old browser, a page not served from
// a secure origin) or refused (some private modes), the page works as before, online only.
// A refusal is worth a warning in the console, never an error.
function register() {
  navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch((error) => {
    console.warn(`kupas: offline use is not available (${error?.message ?? error})`);
  });
}

if ('serviceWorker' in navigator) {
  // After the page has loaded, so that caching the app shell never competes with it.
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
