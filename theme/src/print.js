// The print page (print.html) gets a table of contents built from the sidebar: one entry per chapter, linking to the
// chapter's heading on the same page. tests/pdf/build.sh adds the page numbers when it makes the PDF edition.
(function () {
    'use strict';
    const isPrint = !!document.querySelector('meta[name="robots"][content="noindex"]');
    const main = document.querySelector('#mdbook-content main');
    if (!isPrint || !main || document.querySelector('.print-toc')) {
        return;
    }

    /** The print page's chapters, in order: mdBook separates them with an empty page-break div. */
    function chapterStarts() {
        const starts = [];
        let atStart = true;
        for (const el of main.children) {
            if (el.tagName === 'DIV' && !el.className && /break-before/.test(el.getAttribute('style') || '')) {
                atStart = true;
            } else if (atStart) {
                starts.push(el.matches('h1') ? el : el.querySelector('h1') || el);
                atStart = false;
            }
        }
        return starts;
    }

    function build() {
        const sidebar = document.querySelector('#mdbook-sidebar .chapter');
        if (!sidebar) {
            return false;
        }
        const starts = chapterStarts();
        // Chapters with a page, in SUMMARY order; drafts have no link and are not on the print page.
        const links = [...sidebar.querySelectorAll('li.chapter-item > .chapter-link-wrapper > a[href]')];
        if (links.length !== starts.length) {
            console.warn(`print.js: ${links.length} chapters in the sidebar, ${starts.length} on the print page`);
            return false;
        }
        const index = new Map(links.map((a, i) => [a, starts[i]]));
        const entry = (a, target) => {
            const li = document.createElement('li');
            const link = document.createElement('a');
            link.href = `#${target.id}`;
            const title = document.createElement('span');
            title.className = 'print-toc-title';
            title.textContent = [...a.childNodes].filter(n => n.nodeName !== 'STRONG').map(n => n.textContent)
                .join('').trim();
            const dots = document.createElement('span');
            dots.className = 'print-toc-dots';
            const page = document.createElement('span');
            page.className = 'print-toc-page';
            link.append(title, dots, page);
            li.append(link);
            return li;
        };
        const walk = list => {
            const ol = document.createElement('ol');
            for (const li of list.children) {
                if (li.classList.contains('part-title')) {
                    const part = document.createElement('li');
                    part.className = 'print-toc-part';
                    part.textContent = li.textContent.trim();
                    ol.append(part);
                    continue;
                }
                const a = li.querySelector(':scope > .chapter-link-wrapper > a[href]');
                const sub = li.querySelector(':scope > ol.section');
                const item = a && index.get(a).id ? entry(a, index.get(a)) : null;
                if (item) {
                    ol.append(item);
                }
                if (sub) {
                    const nested = walk(sub);
                    if (nested.children.length) {
                        (item || ol).append(nested);
                    }
                }
            }
            return ol;
        };
        const nav = document.createElement('nav');
        nav.className = 'print-toc';
        nav.setAttribute('aria-label', 'Contents');
        const h = document.createElement('h1');
        h.textContent = 'Contents';
        nav.append(h, walk(sidebar));
        main.prepend(nav);
        return true;
    }

    if (!build()) {
        document.addEventListener('DOMContentLoaded', build, { once: true });
    }
})();
