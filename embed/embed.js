/* One-line embed of the hashprice calculator (docs/embedding.md):
     <script src="https://investor.example/tools/hashprice/embed.js" data-panels="kpis,cash" data-theme="auto" async></script>
   puts the calculator where the script stands; with <div data-hashprice data-panels="kpis"></div> elements on the
   page it fills those instead. Every data-* attribute becomes a page option or scenario key of the frame's link.
   Each frame follows its content's height, and its messages to the host (hashprice:ready, applied, error,
   results) are dispatched as DOM events of the same name on the iframe, bubbling, with the message as detail.
   No dependencies, no eval, no inline styles in markup: it runs under a strict CSP (frame-src for this site). */
(function () {
  var me = document.currentScript;
  if (!me || !me.src) return;
  var base = new URL('./', me.src);
  var frames = [];

  function frameFor(el) {
    var q = new URLSearchParams();
    q.set('embed', '1');
    for (var i = 0; i < el.attributes.length; i++) {
      var a = el.attributes[i];
      var k = a.name.slice(5);
      if (a.name.indexOf('data-') === 0 && k && k !== 'hashprice') q.set(k, a.value);
    }
    // The frame then posts to this page only, and obeys this page only.
    if (location.origin !== 'null') q.set('origin', location.origin);
    var f = document.createElement('iframe');
    f.src = base.href + '?' + q;
    f.title = el.getAttribute('title') || 'Bitcoin mining hashprice calculator';
    f.setAttribute('allow', 'clipboard-write');
    f.className = 'hashprice-frame';
    f.style.cssText = 'display:block;width:100%;height:480px;border:0';
    frames.push(f);
    return f;
  }

  function start() {
    var slots = document.querySelectorAll('[data-hashprice]');
    if (!slots.length) {
      var f = frameFor(me);
      if (me.parentNode && me.parentNode !== document.head) me.parentNode.insertBefore(f, me.nextSibling);
      else document.body.appendChild(f);
    }
    for (var i = 0; i < slots.length; i++) {
      if (!slots[i].querySelector('iframe.hashprice-frame')) slots[i].appendChild(frameFor(slots[i]));
    }
  }

  addEventListener('message', function (e) {
    var d = e.data;
    if (e.origin !== base.origin || !d || typeof d.type !== 'string' || d.type.indexOf('hashprice:') !== 0) return;
    for (var i = 0; i < frames.length; i++) {
      var f = frames[i];
      if (e.source !== f.contentWindow) continue;
      var h = Number(d.height);
      if (d.type === 'hashprice:height' && h > 0 && h < 1e5) f.style.height = Math.ceil(h) + 'px';
      else f.dispatchEvent(new CustomEvent(d.type, { detail: d, bubbles: true }));
    }
  });

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
