// A small stand-in for clipboard.js (mdBook's theme override name: theme/clipboard.min.js). mdBook's book.js uses
// only `new ClipboardJS(selector, { text })` and the `success`/`error` events; this does the same with the
// asynchronous Clipboard API, falling back to a selected textarea and `execCommand('copy')` where that API is
// unavailable (pages served over plain http from another machine). 11 KB less on every page.
(function () {
    'use strict';
    function copyWithTextarea(text) {
        const area = document.createElement('textarea');
        area.value = text;
        area.setAttribute('readonly', '');
        area.style.position = 'fixed';
        area.style.top = '-1000px';
        document.body.append(area);
        area.select();
        let ok = false;
        try {
            ok = document.execCommand('copy');
        } finally {
            area.remove();
        }
        if (!ok) {
            throw new Error('copy refused');
        }
    }
    class ClipboardJS {
        constructor(selector, options) {
            this.handlers = { success: [], error: [] };
            document.addEventListener('click', event => {
                const trigger = event.target instanceof Element && event.target.closest(selector);
                if (!trigger) {
                    return;
                }
                const text = options.text(trigger);
                const done = (kind, extra) => this.handlers[kind].forEach(h => h({
                    action: 'copy', text, trigger, clearSelection() { window.getSelection()?.removeAllRanges(); },
                    ...extra,
                }));
                const fallback = () => {
                    try {
                        copyWithTextarea(text);
                        done('success');
                    } catch (e) {
                        done('error', { error: e });
                    }
                };
                if (navigator.clipboard && window.isSecureContext) {
                    navigator.clipboard.writeText(text).then(() => done('success'), fallback);
                } else {
                    fallback();
                }
            });
        }
        on(kind, handler) {
            (this.handlers[kind] = this.handlers[kind] || []).push(handler);
            return this;
        }
    }
    window.ClipboardJS = ClipboardJS;
})();
