// Reader aids for the book, added to mdBook's theme (book.toml: additional-js). Everything here is progressive
// enhancement: with JavaScript off every page shows all of its text, stacked code blocks and no buttons.
//
// - Interview mode: hides each question's answer sections behind reveal buttons (menu bar toggle, remembered), the
//   follow-up answers one by one, the summaries of the overview pages and the sidebar's list of the page's headings.
// - Progress: "Mark as practised" on each question, check marks in the sidebar and on the overview pages, counts
//   per level and a way to clear them.
// - Listings: the copy button copies the whole program (hidden lines included); an excerpt of a listing is shown
//   without the indentation of the function it sits in.
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

    // ---- levels: the book's table (emitted on every page as #book-levels), else read off the sidebar's parts ----
    function readLevels() {
        const data = document.getElementById('book-levels');
        if (data) {
            try {
                const list = JSON.parse(data.textContent);
                if (Array.isArray(list) && list.length) {
                    return list.filter(l => l && typeof l.letter === 'string' && l.letter.length === 1)
                        .map(l => ({ letter: l.letter, name: l.name || l.letter, slug: l.slug || l.dir || l.letter }));
                }
            } catch (e) { /* fall back to the sidebar */ }
        }
        // Fallback: every part title ("Part I — Junior") names the level of the ids listed under it.
        const levels = [];
        let part = null;
        document.querySelectorAll('#mdbook-sidebar ol.chapter > li').forEach(li => {
            if (li.classList.contains('part-title')) {
                part = li.textContent.replace(/^.*?—\s*/, '').trim();
                return;
            }
            const m = /^([A-Z])\d\d · /.exec(li.querySelector('.chapter-link-wrapper')?.textContent.trim() || '');
            if (m && part && !levels.some(l => l.letter === m[1])) {
                levels.push({ letter: m[1], name: part, slug: part.toLowerCase().replace(/[^a-z]+/g, '-') });
            }
        });
        return levels;
    }
    const levels = readLevels();
    const letters = levels.map(l => l.letter).join('') || 'A-Z';
    const ID_AT_START = new RegExp(`^([${letters}]\\d\\d) · `);
    const idMatch = title && ID_AT_START.exec(title.textContent.trim());
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
        { heading: 'Follow-up questions', key: 'follow-up', reveal: null },
    ];
    const bodies = [];

    function openSection(body, open) {
        body.classList.toggle('iv-open', open);
        const reveal = body.previousElementSibling;
        if (reveal && reveal.classList.contains('iv-reveal')) {
            reveal.classList.toggle('iv-open', open);
            const button = reveal.querySelector('button');
            if (button) {
                button.setAttribute('aria-expanded', String(open));
            }
        }
        markHiddenHeadings();
    }

    function focusFirst(container) {
        const first = container.querySelector('p, li, pre, table') || container;
        if (!first.hasAttribute('tabindex')) {
            first.setAttribute('tabindex', '-1');
        }
        first.focus({ preventScroll: true });
    }

    // A follow-up item is written `- **Question?** Answer…`: the question stays visible, the answer gets its own
    // reveal button. Items without a leading bold question are left whole (the browser tests require the shape).
    function splitFollowUps(body) {
        let n = 0;
        body.querySelectorAll(':scope > ul > li, :scope > ol > li').forEach(li => {
            const first = li.firstElementChild;
            const lead = Array.from(li.childNodes).find(c => c.nodeType !== 3 || c.textContent.trim() !== '');
            if (!first || first.tagName !== 'STRONG' || lead !== first) {
                return;
            }
            const answer = el('div', { class: 'fu-answer', id: `fu-answer-${++n}` });
            let next = first.nextSibling;
            while (next) {
                const move = next;
                next = next.nextSibling;
                answer.append(move);
            }
            if (!answer.textContent.trim()) {
                return;
            }
            const button = el('button', {
                type: 'button', class: 'fu-reveal', 'aria-expanded': 'false', 'aria-controls': answer.id,
                text: 'Reveal the answer',
            });
            button.addEventListener('click', () => {
                li.classList.add('fu-open');
                button.setAttribute('aria-expanded', 'true');
                focusFirst(answer);
            });
            li.classList.add('fu-item');
            first.after(' ', button, answer);
        });
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
            if (!section.reveal) {
                // Follow-ups: the questions stay visible in interview mode, each answer is revealed on its own.
                body.classList.add('iv-always');
                splitFollowUps(body);
                h2.after(body);
                return;
            }
            const button = el('button', { type: 'button', class: 'iv-reveal-button', 'aria-expanded': 'false' });
            button.textContent = section.reveal;
            const hint = section.key === 'short'
                ? el('span', { class: 'iv-hint', text: 'Answer out loud first, then check yourself.' })
                : null;
            const reveal = el('div', { class: 'iv-reveal', 'data-section': section.key }, hint ? [button, hint] : [button]);
            button.addEventListener('click', () => {
                openSection(body, true);
                focusFirst(body);
            });
            h2.after(reveal, body);
            bodies.push(body);
        });
    }

    // Overview pages: the text after each question's link is its summary, hidden in interview mode.
    function wrapSummaries() {
        if (!main || isPrint) {
            return;
        }
        main.querySelectorAll('.chapter-list li').forEach(li => {
            const lead = li.firstElementChild;
            if (!lead || !lead.querySelector('a[href]') && lead.tagName !== 'A') {
                return;
            }
            const summary = el('span', { class: 'iv-summary' });
            let next = lead.nextSibling;
            while (next && !(next.nodeType === 1 && /^(UL|OL)$/.test(next.tagName))) {
                const move = next;
                next = next.nextSibling;
                summary.append(move);
            }
            if (summary.textContent.trim()) {
                lead.after(summary);
            }
        });
    }

    // The sidebar lists the page's headings (mdBook's toc.js); those inside a hidden answer give it away.
    function markHiddenHeadings() {
        document.querySelectorAll('#mdbook-sidebar a.header-in-summary[href^="#"]').forEach(a => {
            let target = null;
            try {
                target = document.getElementById(decodeURIComponent(a.getAttribute('href').slice(1)));
            } catch (e) {
                return;
            }
            const body = target && target.closest('.iv-body:not(.iv-always)');
            const hidden = !!body && !body.classList.contains('iv-open');
            const li = a.closest('li');
            if (li && li.classList.contains('iv-hidden-heading') !== hidden) {
                li.classList.toggle('iv-hidden-heading', hidden);
            }
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
        document.querySelectorAll('.fu-item').forEach(li => {
            li.classList.remove('fu-open');
            li.querySelector('.fu-reveal').setAttribute('aria-expanded', 'false');
        });
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

    // The book's questions, from the sidebar: every entry whose title starts with an id, except the pages nested
    // under a question (J01's measured costs belong to J01). Unwritten questions have no link (page: null).
    function questions() {
        const out = [];
        document.querySelectorAll('#mdbook-sidebar li.chapter-item').forEach(li => {
            const wrapper = li.querySelector(':scope > .chapter-link-wrapper');
            const m = wrapper && ID_AT_START.exec(wrapper.textContent.trim());
            if (!m || li.parentElement.closest('li.chapter-item')) {
                return;
            }
            const a = wrapper.querySelector('a[href]');
            out.push({ id: m[1], letter: m[1][0], page: a ? pageKey(a.href) : null, link: a });
        });
        return out;
    }
    const questionPages = () => new Set(questions().filter(q => q.page).map(q => q.page));
    const isQuestionPage = () => questionPages().has(thisPage);

    function setMark(a, is) {
        if (a.classList.contains('practised') !== is) {
            a.classList.toggle('practised', is);
            if (is) {
                a.setAttribute('aria-description', 'practised');
            } else {
                a.removeAttribute('aria-description');
            }
        }
    }

    let marking = false;
    function markSidebar() {
        if (marking) {
            return;
        }
        marking = true;
        const done = practised();
        questions().forEach(q => q.link && setMark(q.link, done.has(q.page)));
        markHiddenHeadings();
        marking = false;
    }

    // Overview pages: a tick next to each practised question.
    function markOverview() {
        if (!main) {
            return;
        }
        const done = practised();
        main.querySelectorAll('.chapter-list li a[href]').forEach(a => {
            if (ID_AT_START.test(a.textContent.trim())) {
                setMark(a, done.has(pageKey(a.href)));
            }
        });
    }

    /** Progress per level: [{ letter, name, done, total, written }] plus the whole book. */
    function progress() {
        const done = practised();
        const all = questions();
        const per = levels.map(l => {
            const mine = all.filter(q => q.letter === l.letter);
            return {
                letter: l.letter, name: l.name, total: mine.length, written: mine.filter(q => q.page).length,
                done: mine.filter(q => q.page && done.has(q.page)).length,
            };
        }).filter(l => l.total > 0);
        const total = { total: all.length, written: all.filter(q => q.page).length,
            done: all.filter(q => q.page && done.has(q.page)).length };
        return { levels: per, ...total };
    }

    function refreshProgress() {
        markSidebar();
        markOverview();
        const done = practised();
        const mine = done.has(thisPage);
        document.querySelectorAll('.practised-button').forEach(b => {
            b.setAttribute('aria-pressed', String(mine));
            b.textContent = mine ? `✓ ${entryId} practised` : `Mark ${entryId} as practised`;
            b.title = mine ? 'Click to unmark' : 'Remember that you practised this question (kept in this browser)';
        });
        const count = document.getElementById('reader-progress-count');
        if (count) {
            const p = progress();
            count.textContent = `${p.done} of ${p.total} questions practised`
                + (p.written < p.total ? ` (${p.written} written so far)` : '');
            const table = document.getElementById('reader-progress-levels');
            table.replaceChildren(...p.levels.map(l => el('li', { 'data-level': l.letter }, [
                el('span', { class: 'reader-level-name', text: l.name }),
                el('span', { class: 'reader-level-count', text: `${l.done} of ${l.total}` }),
            ])));
        }
    }

    function addPractisedButtons() {
        if (!main || !entryId || isPrint || !isQuestionPage()) {
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
            'aria-label': 'Interview mode',
        }, [svg(ICON_INTERVIEW), el('span', { class: 'reader-button-label', 'aria-hidden': 'true', text: 'Interview' })]);
        interview.addEventListener('click', () => setInterview(!html.classList.contains('interview-mode'), true));

        const progressButton = el('button', {
            id: 'reader-progress-toggle', type: 'button', class: 'icon-button reader-button',
            title: 'Progress and reader settings', 'aria-haspopup': 'true', 'aria-expanded': 'false',
            'aria-controls': 'reader-progress-popup', 'aria-label': 'Progress',
        }, [svg(ICON_PROGRESS), el('span', { class: 'reader-button-label', 'aria-hidden': 'true', text: 'Progress' })]);
        const clear = el('button', { type: 'button', id: 'reader-clear-progress', text: 'Clear all progress' });
        const reset = el('button', { type: 'button', id: 'reader-reset-interview', text: 'Reset interview mode' });
        const popup = el('div', { id: 'reader-progress-popup', class: 'reader-popup', role: 'dialog',
            'aria-label': 'Progress' }, [
            el('p', { id: 'reader-progress-count' }),
            el('ul', { id: 'reader-progress-levels', 'aria-label': 'Practised per level' }),
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

    // ================================ Listings: whole programs ================================
    // mdBook's copy button copies the visible text only (innerText), so an excerpt of a listing would be pasted
    // without its `use` lines and `fn main`. The code element's text holds the whole program: mdBook keeps hidden
    // lines as `<span class="boring">` without their `# ` prefix. Copy that (the Run button already sends it).
    // A page carries each listing's text once, in its first block; a later block of the same listing
    // (`code.listing-excerpt`, with the same `listing-<package>` class) holds only its part, and takes the whole
    // program from that first block.
    function wholeProgram(code) {
        if (code.classList.contains('listing-excerpt')) {
            const name = [...code.classList].find(c => c.startsWith('listing-') && c !== 'listing-excerpt');
            const whole = name && document.querySelector(`code.${CSS.escape(name)}:not(.listing-excerpt)`);
            if (whole) {
                return whole.textContent;
            }
        }
        return code.textContent;
    }
    const mdbookText = window.playground_text;
    if (typeof mdbookText === 'function') {
        window.playground_text = function (playground, hidden) {
            const code = playground.querySelector('code');
            if (code && !code.classList.contains('editable')) {
                return wholeProgram(code);
            }
            return mdbookText(playground, hidden);
        };
    }

    // An excerpt (the part between a listing's ANCHOR lines) keeps the indentation it has inside `fn main`. Show it
    // without that indentation while the rest is hidden: the common leading spaces of the visible lines are wrapped
    // in a span that CSS hides, so the text itself (copied, sent to Run, shown whole by the eye button) is unchanged.
    // A later excerpt of a listing (`listing-excerpt`) has no hidden lines on the page, and is dedented the same way.
    function dedentExcerpts(root) {
        root.querySelectorAll('pre > code').forEach(code => {
            if (!(code.querySelector('.boring') || code.classList.contains('listing-excerpt')) || code.dataset.dedent) {
                return;
            }
            // The visible lines: text outside .boring spans, split at newlines.
            const starts = [];
            let atLineStart = true;
            const walker = document.createTreeWalker(code, NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                const boring = node.parentElement.closest('.boring');
                const text = node.data;
                for (let i = 0; i < text.length; i++) {
                    if (atLineStart && !boring) {
                        starts.push({ node, offset: i });
                    }
                    atLineStart = text[i] === '\n';
                }
            }
            const indentAt = ({ node, offset }) => {
                const rest = node.data.slice(offset);
                const line = rest.split('\n')[0];
                return line.trim() === '' ? null : line.length - line.trimStart().length;
            };
            const indents = starts.map(indentAt).filter(n => n !== null);
            const cut = indents.length ? Math.min(...indents) : 0;
            if (cut === 0) {
                return;
            }
            // Wrap from the last line backwards, so earlier offsets stay valid.
            starts.reverse().forEach(({ node, offset }) => {
                const line = node.data.slice(offset).split('\n')[0];
                const n = Math.min(cut, line.length - line.trimStart().length);
                if (n === 0) {
                    return;
                }
                const tail = node.splitText(offset);
                tail.splitText(n);
                const span = el('span', { class: 'excerpt-indent' });
                tail.before(span);
                span.append(tail);
            });
            code.dataset.dedent = String(cut);
        });
    }

    // ================================ start ================================
    addMenuButtons();
    wrapSections();
    wrapSummaries();
    addPractisedButtons();
    if (main) {
        dedentExcerpts(main);
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
    window.bookReader = {
        pairCodeBlocks, pageKey, practised: () => Array.from(practised()), progress, levels: () => levels.slice(),
        questions: () => questions().map(({ id, page }) => ({ id, page })),
    };
})();
