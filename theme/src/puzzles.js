// The scores of the "predict it" puzzles, on every page: kept in this browser (localStorage, as the reader's progress
// is), shown per level in the progress popup (reader.js builds it) with a reset button. The puzzles themselves are
// played by theme/src/puzzles-play.js, which the preprocessor (tools/mdbook-listings/src/puzzle.rs) puts inline
// only into the pages that carry puzzles, with theme/src/puzzles.css: every other page stays lighter.
(function () {
    'use strict';

    const KEY = 'gcq-puzzles';
    const listeners = [];
    // { "<listing>": { level: "junior", right: true } }: the first answer to each puzzle.
    function scores() {
        try {
            const s = JSON.parse(localStorage.getItem(KEY) || '{}');
            return s && typeof s === 'object' && !Array.isArray(s) ? s : {};
        } catch (e) {
            return {};
        }
    }
    function save(s) {
        try {
            if (Object.keys(s).length) {
                localStorage.setItem(KEY, JSON.stringify(s));
            } else {
                localStorage.removeItem(KEY);
            }
        } catch (e) { /* private mode: the score lasts this page */ }
        refresh();
    }
    function levelScore(slug) {
        const all = Object.values(scores()).filter(v => v && v.level === slug);
        return { answered: all.length, right: all.filter(v => v.right).length };
    }
    function names() {
        try {
            return Object.fromEntries(JSON.parse(document.getElementById('book-levels').textContent)
                .map(l => [l.slug, l.name]));
        } catch (e) {
            return {};
        }
    }
    function el(tag, attrs, children) {
        const node = document.createElement(tag);
        Object.entries(attrs || {}).forEach(([k, v]) => node.setAttribute(k, v));
        (children || []).forEach(c => node.append(c));
        return node;
    }

    function refresh() {
        const popup = document.getElementById('reader-progress-popup');
        if (popup) {
            let box = document.getElementById('puzzle-progress');
            if (!box) {
                box = el('div', { id: 'puzzle-progress' });
                popup.insertBefore(box, popup.querySelector('.reader-popup-note'));
            }
            const n = names();
            const slugs = [...new Set(Object.values(scores()).map(v => v && v.level).filter(Boolean))];
            const clear = el('button', { type: 'button', id: 'puzzle-clear-scores' }, ['Reset puzzle scores']);
            clear.addEventListener('click', () => save({}));
            box.replaceChildren(
                el('p', {}, [slugs.length ? 'Puzzles (right of answered)' : 'Puzzles: none answered yet']),
                el('ul', { id: 'puzzle-progress-levels', style: 'list-style:none;margin:0 0 .6em;padding:0' },
                    slugs.map(slug => {
                        const { answered, right } = levelScore(slug);
                        return el('li', { 'data-level': slug, style: 'display:flex;justify-content:space-between' }, [
                            el('span', { class: 'reader-level-name' }, [n[slug] || slug]),
                            el('span', { class: 'reader-level-count' }, [`${right} of ${answered}`]),
                        ]);
                    })),
                ...(slugs.length ? [clear] : []));
        }
        listeners.forEach(f => f());
    }

    window.bookPuzzles = { KEY, scores, save, levelScore, names, onChange: f => listeners.push(f) };
    refresh();
    window.addEventListener('storage', e => {
        if (e.key === KEY || e.key === null) {
            refresh();
        }
    });
})();
