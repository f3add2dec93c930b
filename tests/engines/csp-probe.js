// Served by the cross-engine suite only (never shipped): records every
// Content-Security-Policy violation of the page for the test to read.
window.__pwCsp = window.__pwCsp || [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__pwCsp.push(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} (in ${location.pathname})`);
});
