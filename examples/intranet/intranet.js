// The intranet page's script: mounts two embedded instances and frames the app's own page.
const params = new URLSearchParams(location.search);
const appBase = new URL(params.get('app') ?? '../', location.href);
const frame = document.getElementById('marketplace-frame');

// Way 2: the iframe. `?sandbox=1` frames it without same-origin rights (storage is then blocked).
if (params.get('sandbox') === '1') frame.setAttribute('sandbox', 'allow-scripts allow-forms');
frame.src = new URL('index.html#/customers', appBase).href;
window.addEventListener('message', (event) => {
  const data = event.data;
  if (event.source === frame.contentWindow && data?.type === 'csp-marketplace:height' && Number.isFinite(data.height)) {
    frame.style.height = `${Math.max(200, data.height)}px`;
    frame.dataset.reportedHeight = String(data.height);
  }
});

// Way 1: the module API.
if (params.get('embed') !== 'none') {
  const { mount } = await import(new URL('embed.js', appBase).href);
  let a = await mount(document.getElementById('marketplace-a'), {
    locale: 'en',
    namespace: 'team-a',
    start: '#/customers',
    partnerName: 'Contoso IT',
  });
  await mount(document.getElementById('marketplace-b'), { locale: 'fr', namespace: 'team-b', partnerName: 'Équipe B' });
  document.getElementById('unmount-a').addEventListener('click', () => a?.unmount());
  document.getElementById('mount-a').addEventListener('click', async () => {
    a = await mount(document.getElementById('marketplace-a'), { namespace: 'team-a', partnerName: 'Contoso IT' });
  });
}
document.getElementById('host-button').addEventListener('click', () => {
  document.getElementById('host-button').textContent = 'Host button clicked';
});
