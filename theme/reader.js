// Reader aids for the book, added to mdBook's theme (book.toml: additional-js). Everything here is progressive
// enhancement: with JavaScript off every page shows all of its text, stacked code blocks and no buttons.
//
// - Interview mode: hides each question's answer sections behind reveal buttons (menu bar toggle, remembered).
// - Progress: "Mark as practised" on each question, check marks in the sidebar, a way to clear them.
// - Go ↔ Rust: a ```go block directly followed by a ```rust listing (or the reverse) becomes two tabs.
// - Playground notes: what pressing Run shows for listings that panic or do not compile.
(function () {
    'use strict';

    const KEYS = { interview: 'gcq-interview-mode', practised: 'gcq-practised' };
    const store = {
        get(key) {
            try { return localStorage.getItem(key); } catch (e) { return null; }
        },
        set(key, value) {
            try { localStorage.setItem(key, value); } catch (e) { /* private mode: the choice lasts this page */ }
        },
        remove(key) {
            try { localStorage.removeItem(key); } catch (e) { /* nothing stored */ }
        },
    };

    const html = document.documentElement;
    const isPrint = !!document.querySelector('meta[name="robots"][content="noindex"]');
    const main = document.querySelector('#mdbook-content main');
    const title = main && main.querySelector('h1');
    const idMatch = title && /^([JMSPCRX]\d\d) · /.exec(title.textContent.trim());
    const entryId = idMatch ? idMatch[1] : null;

    // ---- page keys: a page's path relative to the book's root, e.g. "junior/j05-buffering.html" ----
    const rootUrl = new URL(typeof path_to_root === 'string' ? path_to_root : '', location.href);
    function pageKey(href) {
        const url = new URL(href, location.href);
        let path = url.pathname;
        if (path.startsWith(rootUrl.pathname)) {
            path = path.slice(rootUrl.pathname.length);
        }
        if (path === '' || path.endsWith('/')) {
            path += 'index.html';
        }
        return path;
    }
    const thisPage = pageKey(location.href);

    function el(tag, attrs, children) {
        const node = document.createElement(tag);
        Object.entries(attrs || {}).forEach(([k, v]) => {
            if (k === 'text') {
                node.textContent = v;
            } else {
                node.setAttribute(k, v);
            }
        });
        (children || []).forEach(c => node.append(c));
        return node;
    }

    function svg(path, viewBox) {
        const ns = 'http://www.w3.org/2000/svg';
        const s = document.createElementNS(ns, 'svg');
        s.setAttribute('viewBox', viewBox || '0 0 24 24');
        s.setAttribute('aria-hidden', 'true');
        s.setAttribute('class', 'reader-icon');
        const p = document.createElementNS(ns, 'path');
        p.setAttribute('d', path);
        s.append(p);
        return s;
    }
    // A speech bubble with a question mark (interview) and a check list (progress), drawn for this book.
    const ICON_INTERVIEW = 'M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2zm8 3.2c-1.9 0-3.2 1.1-3.3 2.8h2c.1-.7.6-1.1 1.3-1.1s1.2.4 1.2 1c0 .5-.3.8-1 1.2-.9.5-1.3 1.1-1.3 2.1v.4h1.9v-.3c0-.5.2-.8.9-1.2.9-.5 1.5-1.2 1.5-2.2 0-1.6-1.3-2.7-3.2-2.7zm-1 7.2v2h2v-2z';
    const ICON_PROGRESS = 'M3 5.5l1.4-1.4L6 5.7l3.3-3.3 1.4 1.4L6 8.5zM12 5h9v2h-9zM3 12.5l1.4-1.4L6 12.7l3.3-3.3 1.4 1.4L6 15.5zM12 12h9v2h-9zM4 18h4v2H4zm8 0h9v2h-9z';

    // ================================ Interview mode ================================
    const SECTIONS = [
        { heading: 'Short answer', key: 'short', reveal: 'Reveal the short answer' },
        { heading: 'Deep answer', key: 'deep', reveal: 'Reveal the deep answer' },
        { heading: 'Go vs Rust', key: 'go-vs-rust', reveal: 'Reveal Go vs Rust' },
        { heading: 'Pitfalls', key: 'pitfalls', reveal: 'Reveal the pitfalls' },
        { heading: 'Follow-up questions', key: 'follow-up', reveal: 'Reveal the follow-up answers' },
    ];
    const bodies = [];

    function openSection(body, open) {
        body.classList.toggle('iv-open', open);
        body.previousElementSibling.classList.toggle('iv-open', open);
    }

    function wrapSections() {
        if (!main || !entryId || isPrint) {
            return;
        }
        const headings = Array.from(main.children).filter(n => n.tagName === 'H2');
        headings.forEach(h2 => {
            const section = SECTIONS.find(s => s.heading === h2.textContent.trim());
            if (!section) {
                return;
            }
            const body = el('div', { class: 'iv-body', 'data-section': section.key });
            let next = h2.nextSibling;
            while (next && !(next.nodeType === 1 && /^H[12]$/.test(next.tagName))) {
                const move = next;
                next = next.nextSibling;
                body.append(move);
            }
            const button = el('button', { type: 'button', class: 'iv-reveal-button', 'aria-expanded': 'false' });
            button.textContent = section.reveal;
            const hint = section.key === 'short'
                ? el('span', { class: 'iv-hint', text: 'Answer out loud first, then check yourself.' })
                : null;
            const reveal = el('div', { class: 'iv-reveal', 'data-section': section.key }, hint ? [button, hint] : [button]);
            button.addEventListener('click', () => {
                openSection(body, true);
                button.setAttribute('aria-expanded', 'true');
                const first = body.querySelector('p, li, pre, table');
                if (first) {
                    first.setAttribute('tabindex', '-1');
                    first.focus({ preventScroll: true });
                }
            });
            h2.after(reveal, body);
            bodies.push(body);
        });
    }

    // A link or a search result that points into a hidden section opens it.
    function revealTarget() {
        if (!location.hash) {
            return;
        }
        let target = null;
        try {
            target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
        } catch (e) {
            return;
        }
        const body = target && target.closest('.iv-body');
        if (body && !body.classList.contains('iv-open')) {
            openSection(body, true);
            target.scrollIntoView();
        }
    }

    function setInterview(on, save) {
        html.classList.toggle('interview-mode', on);
        bodies.forEach(b => openSection(b, false));
        document.querySelectorAll('.iv-reveal-button').forEach(b => b.setAttribute('aria-expanded', 'false'));
        const toggle = document.getElementById('reader-interview-toggle');
        if (toggle) {
            toggle.setAttribute('aria-pressed', String(on));
            toggle.title = on ? 'Interview mode is on: answers are hidden (click to show them)'
                : 'Interview mode: hide the answers so you can answer out loud first';
        }
        if (save) {
            store.set(KEYS.interview, on ? 'on' : 'off');
        }
        if (on) {
            revealTarget();
        }
    }

    // ================================ Progress ================================
    function practised() {
        try {
            const list = JSON.parse(store.get(KEYS.practised) || '[]');
            return new Set(Array.isArray(list) ? list : []);
        } catch (e) {
            return new Set();
        }
    }

    function savePractised(set) {
        if (set.size === 0) {
            store.remove(KEYS.practised);
        } else {
            store.set(KEYS.practised, JSON.stringify(Array.from(set).sort()));
        }
        refreshProgress();
    }

    function sidebarQuestionLinks() {
        return Array.from(document.querySelectorAll('#mdbook-sidebar a[href]'))
            .filter(a => !a.classList.contains('header-in-summary') && /\b[JMSPCR]\d\d · /.test(a.textContent));
    }

    let marking = false;
    function markSidebar() {
        if (marking) {
            return;
        }
        marking = true;
        const done = practised();
        sidebarQuestionLinks().forEach(a => {
            const is = done.has(pageKey(a.href));
            if (a.classList.contains('practised') !== is) {
                a.classList.toggle('practised', is);
                if (is) {
                    a.setAttribute('aria-description', 'practised');
                } else {
                    a.removeAttribute('aria-description');
                }
            }
        });
        marking = false;
    }

    function refreshProgress() {
        markSidebar();
        const done = practised();
        const mine = done.has(thisPage);
        document.querySelectorAll('.practised-button').forEach(b => {
            b.setAttribute('aria-pressed', String(mine));
            b.textContent = mine ? `✓ ${entryId} practised` : `Mark ${entryId} as practised`;
            b.title = mine ? 'Click to unmark' : 'Remember that you practised this question (kept in this browser)';
        });
        const count = document.getElementById('reader-progress-count');
        if (count) {
            const total = new Set(sidebarQuestionLinks().map(a => pageKey(a.href))).size;
            const n = Array.from(done).length;
            count.textContent = total ? `${n} of ${total} pages practised` : `${n} pages practised`;
        }
    }

    function addPractisedButtons() {
        if (!main || !entryId || isPrint) {
            return;
        }
        const make = () => {
            const b = el('button', { type: 'button', class: 'practised-button', 'aria-pressed': 'false' });
            b.addEventListener('click', () => {
                const done = practised();
                if (done.has(thisPage)) {
                    done.delete(thisPage);
                } else {
                    done.add(thisPage);
                }
                savePractised(done);
            });
            return b;
        };
        let meta = main.querySelector('.chapter-meta');
        if (!meta) {
            meta = el('div', { class: 'chapter-meta' });
            title.after(meta);
        }
        meta.append(make());
        main.append(el('div', { class: 'practised-footer' }, [
            el('span', { text: 'Could you answer it out loud, follow-ups included?' }), make(),
        ]));
    }

    // The sidebar is filled in by mdBook's toc.js (a custom element); mark it whenever its content changes.
    function watchSidebar() {
        const sidebar = document.getElementById('mdbook-sidebar');
        if (!sidebar) {
            return;
        }
        let queued = false;
        new MutationObserver(() => {
            if (marking || queued) {
                return;
            }
            queued = true;
            requestAnimationFrame(() => {
                queued = false;
                markSidebar();
            });
        }).observe(sidebar, { childList: true, subtree: true });
    }

    // ================================ Menu bar ================================
    function addMenuButtons() {
        const bar = document.querySelector('#mdbook-menu-bar .right-buttons');
        if (!bar || isPrint) {
            return;
        }
        const interview = el('button', {
            id: 'reader-interview-toggle', type: 'button', class: 'icon-button reader-button', 'aria-pressed': 'false',
        }, [svg(ICON_INTERVIEW), el('span', { class: 'reader-button-label', text: 'Interview' })]);
        interview.addEventListener('click', () => setInterview(!html.classList.contains('interview-mode'), true));

        const progressButton = el('button', {
            id: 'reader-progress-toggle', type: 'button', class: 'icon-button reader-button',
            title: 'Progress and reader settings', 'aria-haspopup': 'true', 'aria-expanded': 'false',
            'aria-controls': 'reader-progress-popup',
        }, [svg(ICON_PROGRESS), el('span', { class: 'reader-button-label', text: 'Progress' })]);
        const clear = el('button', { type: 'button', id: 'reader-clear-progress', text: 'Clear all progress' });
        const reset = el('button', { type: 'button', id: 'reader-reset-interview', text: 'Reset interview mode' });
        const popup = el('div', { id: 'reader-progress-popup', class: 'reader-popup', role: 'dialog',
            'aria-label': 'Progress' }, [
            el('p', { id: 'reader-progress-count' }),
            el('p', { class: 'reader-popup-note', text: 'Kept in this browser only.' }),
            clear, reset,
        ]);
        popup.hidden = true;
        const close = () => {
            popup.hidden = true;
            progressButton.setAttribute('aria-expanded', 'false');
        };
        progressButton.addEventListener('click', e => {
            e.stopPropagation();
            popup.hidden = !popup.hidden;
            progressButton.setAttribute('aria-expanded', String(!popup.hidden));
            refreshProgress();
        });
        clear.addEventListener('click', () => {
            if (practised().size === 0 || window.confirm('Forget every question marked as practised?')) {
                savePractised(new Set());
            }
        });
        reset.addEventListener('click', () => {
            store.remove(KEYS.interview);
            setInterview(false, false);
            close();
        });
        popup.addEventListener('click', e => e.stopPropagation());
        document.addEventListener('click', close);
        document.addEventListener('keydown', e => {
            if (e.key === 'Escape') {
                close();
            }
        });
        bar.prepend(interview, progressButton, popup);
    }

    // ================================ Go ↔ Rust tabs ================================
    // A listing is its caption (optional), its <pre> and its verified-behaviour label (optional).
    function unitFrom(pre) {
        const nodes = [pre];
        const before = pre.previousElementSibling;
        if (before && before.classList.contains('listing-caption')) {
            nodes.unshift(before);
        }
        const after = pre.nextElementSibling;
        if (after && after.classList.contains('listing-behaviour')) {
            nodes.push(after);
        }
        return nodes;
    }
    function langOf(pre) {
        const code = pre && pre.tagName === 'PRE' && pre.querySelector(':scope > code');
        if (!code) {
            return null;
        }
        if (code.classList.contains('language-go')) {
            return 'go';
        }
        return code.classList.contains('language-rust') ? 'rust' : null;
    }
    function pairCodeBlocks(root) {
        let pairs = 0;
        Array.from(root.querySelectorAll('pre')).forEach(pre => {
            if (langOf(pre) !== 'go' || pre.closest('.code-pair')) {
                return;
            }
            const goUnit = unitFrom(pre);
            // The block right after the Go one (a Rust listing starts with its caption), or right before it.
            let rustPre = null;
            const next = goUnit[goUnit.length - 1].nextElementSibling;
            if (next && langOf(next) === 'rust') {
                rustPre = next;
            } else if (next && next.classList.contains('listing-caption') && langOf(next.nextElementSibling) === 'rust') {
                rustPre = next.nextElementSibling;
            }
            let goFirst = true;
            if (!rustPre) {
                let prev = goUnit[0].previousElementSibling;
                if (prev && prev.classList.contains('listing-behaviour')) {
                    prev = prev.previousElementSibling;
                }
                if (prev && langOf(prev) === 'rust' && !prev.closest('.code-pair')) {
                    rustPre = prev;
                    goFirst = false;
                }
            }
            if (!rustPre) {
                return;
            }
            const rustUnit = unitFrom(rustPre);
            const n = ++pairs;
            const pair = el('div', { class: 'code-pair' });
            const tabs = el('div', { class: 'code-pair-tabs', role: 'tablist', 'aria-label': 'Language' });
            const panels = [];
            const order = goFirst ? [['go', 'Go', goUnit], ['rust', 'Rust', rustUnit]]
                : [['rust', 'Rust', rustUnit], ['go', 'Go', goUnit]];
            (goFirst ? goUnit[0] : rustUnit[0]).before(pair);
            pair.append(tabs);
            order.forEach(([lang, label, unit], i) => {
                const id = `code-pair-${n}-${lang}`;
                const tab = el('button', {
                    type: 'button', role: 'tab', id: `${id}-tab`, class: 'code-pair-tab',
                    'aria-controls': id, 'aria-selected': String(i === 0), 'data-lang': lang,
                }, [label]);
                const panel = el('div', {
                    role: 'tabpanel', id, class: 'code-pair-panel', 'aria-labelledby': `${id}-tab`, 'data-lang': lang,
                });
                unit.forEach(node => panel.append(node));
                if (i !== 0) {
                    panel.classList.add('code-pair-inactive');
                }
                tab.addEventListener('click', () => {
                    tabs.querySelectorAll('[role=tab]').forEach(t => t.setAttribute('aria-selected', String(t === tab)));
                    panels.forEach(p => p.classList.toggle('code-pair-inactive', p !== panel));
                });
                tabs.append(tab);
                panels.push(panel);
                pair.append(panel);
            });
        });
        return pairs;
    }

    // ================================ Playground notes ================================
    function playgroundNotes(root) {
        root.querySelectorAll('pre.playground').forEach(pre => {
            const code = pre.querySelector(':scope > code');
            const button = pre.querySelector('.play-button');
            if (!code || !button || pre.dataset.runNote) {
                return;
            }
            let note = null;
            if (code.classList.contains('compile_fail')) {
                note = 'Run on the Playground shows the compiler error, not output: this listing does not compile on purpose.';
                button.title = 'Run this code (it does not compile: shows the compiler error)';
            } else if (code.classList.contains('should_panic')) {
                note = 'Run on the Playground shows the panic message: this listing panics on purpose.';
                button.title = 'Run this code (it panics: shows the panic message)';
            } else if (code.textContent.includes('start_paused')) {
                note = 'This listing uses tokio’s paused test clock (feature test-util), which the Playground may '
                    + 'not enable; if Run reports a compile error, run it locally with the command in its caption.';
            }
            if (!note) {
                return;
            }
            pre.dataset.runNote = 'yes';
            const p = el('p', { class: 'run-note' }, [el('span', { class: 'run-note-icon', 'aria-hidden': 'true', text: '▶' }), ` ${note}`]);
            const label = pre.nextElementSibling;
            if (label && label.classList.contains('listing-behaviour')) {
                label.append(p);
            } else {
                pre.after(p);
            }
        });
    }

    // ================================ start ================================
    addMenuButtons();
    wrapSections();
    addPractisedButtons();
    if (main) {
        pairCodeBlocks(main);
        playgroundNotes(main);
    }
    setInterview(!isPrint && store.get(KEYS.interview) === 'on', false);
    html.classList.remove('iv-pending');
    refreshProgress();
    watchSidebar();
    window.addEventListener('hashchange', revealTarget);
    // Another tab changed the progress or the mode: follow it.
    window.addEventListener('storage', e => {
        if (e.key === KEYS.practised || e.key === null) {
            refreshProgress();
        }
        if (e.key === KEYS.interview) {
            setInterview(e.newValue === 'on', false);
        }
    });

    // For the browser tests and for curious readers.
    window.bookReader = { pairCodeBlocks, pageKey, practised: () => Array.from(practised()) };
})();
