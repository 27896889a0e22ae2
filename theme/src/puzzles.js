// "Predict it" puzzles (tools/mdbook-listings/src/puzzle.rs writes their data into the page as
// <script type="application/json" class="book-puzzles">). Progressive enhancement: without JavaScript a practice page
// is a list of questions with the answers further down, and a chapter shows its listings with their labels.
//
// - Practice pages (`{{#puzzles <level>}}`): each question becomes buttons; choosing shows whether it was right and
//   the verified label, with a link to the chapter that explains it. The score of each level is kept in this
//   browser (localStorage, as the reader's progress is) and can be reset.
// - Chapters, in interview mode: the label of a puzzle listing is hidden behind the same question.
// - The progress popup (reader.js) gets the puzzle score of every level played, and a reset button.
(function () {
    'use strict';

    const KEY = 'gcq-puzzles';
    const html = document.documentElement;
    const main = document.querySelector('#mdbook-content main');
    const isPrint = !!document.querySelector('meta[name="robots"][content="noindex"]');
    if (!main || isPrint) {
        return;
    }

    // ---- scores: { "<listing>": { level: "junior", right: true } }, the first answer to each puzzle ----
    function scores() {
        try {
            const s = JSON.parse(localStorage.getItem(KEY) || '{}');
            return s && typeof s === 'object' && !Array.isArray(s) ? s : {};
        } catch (e) {
            return {};
        }
    }
    function saveScores(s) {
        try {
            if (Object.keys(s).length) {
                localStorage.setItem(KEY, JSON.stringify(s));
            } else {
                localStorage.removeItem(KEY);
            }
        } catch (e) { /* private mode: the score lasts this page */ }
        refreshScores();
    }
    function record(q, right) {
        const s = scores();
        if (!s[q.id]) {
            s[q.id] = { level: q.level, right };
            saveScores(s);
        }
    }
    function levelScore(slug) {
        const all = Object.values(scores()).filter(v => v && v.level === slug);
        return { answered: all.length, right: all.filter(v => v.right).length };
    }
    function levelNames() {
        try {
            const list = JSON.parse(document.getElementById('book-levels').textContent);
            return Object.fromEntries(list.map(l => [l.slug, l.name]));
        } catch (e) {
            return {};
        }
    }

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

    const questions = [];
    main.querySelectorAll('script.book-puzzles').forEach(s => {
        try {
            questions.push(...JSON.parse(s.textContent));
        } catch (e) { /* no puzzles on this page */ }
    });
    const practice = main.querySelector('.puzzle-score');

    // ---- one puzzle, played: the classes, then (if the class has one) the output or error ----
    function play(q, reveal, explain) {
        const box = el('div', { class: 'puzzle-play', 'data-puzzle': q.id, role: 'group', 'aria-label': 'Predict it' });
        const verdict = el('p', { class: 'puzzle-verdict', role: 'status' });
        const give = el('button', { type: 'button', class: 'puzzle-give-up', text: 'Show the answer' });
        let classRight = null;
        const finish = (right, said) => {
            box.classList.add('puzzle-done');
            box.querySelectorAll('.puzzle-choice').forEach(b => { b.disabled = true; });
            give.remove();
            record(q, right);
            verdict.textContent = right ? 'Right: that is what the test verified.' : said;
            verdict.classList.add(right ? 'puzzle-verdict-right' : 'puzzle-verdict-wrong');
            reveal();
            verdict.after(explain());
        };
        const choices = (items, onPick) => el('div', { class: 'puzzle-choices' }, items.map(([content, value, attrs]) => {
            const b = el('button', Object.assign({ type: 'button', class: 'puzzle-choice' }, attrs || {}), [content]);
            b.addEventListener('click', () => onPick(value, b));
            return b;
        }));
        const mark = (button, right) => button.classList.add(right ? 'puzzle-right' : 'puzzle-wrong');
        const right = q.classes.find(c => c.class === q.answer);
        const step1 = choices(q.classes.map(c => [c.mark, c.class, { 'data-class': c.class }]), (cls, b) => {
            classRight = cls === q.answer;
            step1.querySelectorAll('.puzzle-choice').forEach(x => {
                x.disabled = true;
                if (x.dataset.class === q.answer) {
                    mark(x, true);
                }
            });
            mark(b, classRight);
            if (q.ask && q.details.length) {
                step2.hidden = false;
                verdict.textContent = classRight ? `Right: ${right.mark.toLowerCase()}. Now the detail.`
                    : `Not quite: it ${right.mark.toLowerCase()} (verified). Now the detail.`;
                step2.querySelector('.puzzle-choice').focus();
            } else {
                finish(classRight, `Not quite: the verified behaviour is “${right.mark}”.`);
            }
        });
        const step2 = el('div', { class: 'puzzle-step2' }, [
            el('p', { class: 'puzzle-prompt', text: q.ask || '' }),
            choices(q.details.map((d, i) => [el('code', { text: d }), i, { 'data-detail': String(i) }]), (i, b) => {
                const ok = i === q.detail;
                mark(b, ok);
                step2.querySelectorAll('.puzzle-choice').forEach(x => {
                    if (Number(x.dataset.detail) === q.detail) {
                        mark(x, true);
                    }
                });
                finish(classRight && ok, ok ? 'Half right: the detail, not the behaviour.'
                    : classRight ? 'Half right: the behaviour, not the detail.' : 'Not quite: neither.');
            }),
        ]);
        step2.hidden = true;
        give.addEventListener('click', () => finish(false, 'Shown without an answer: it counts as not solved.'));
        box.append(el('p', { class: 'puzzle-prompt', text: 'Predict it: what happens when it runs?' }), step1, step2,
            verdict, give);
        return box;
    }

    // ---- practice pages: the questions become buttons, each answer moves up to its question once played ----
    function mountPractice() {
        html.classList.add('puzzles-js');
        let home = main.querySelector('.puzzle-answers-home');
        if (!home) {
            // The answers wait, hidden, where the no-JavaScript page lists them.
            home = el('div', { class: 'puzzle-answers-home' });
            home.hidden = true;
            const heading = main.querySelector('h2#answers');
            (heading || main.lastElementChild).after(home);
            main.querySelectorAll('.puzzle-answer').forEach(a => home.append(a));
            if (heading) {
                heading.hidden = true;
            }
        }
        main.querySelectorAll('section.puzzle').forEach(section => {
            const id = section.dataset.puzzle;
            const q = questions.find(x => x.id === id);
            const answer = main.querySelector(`.puzzle-answer[data-puzzle="${CSS.escape(id)}"]`);
            if (!q || !answer) {
                return;
            }
            section.querySelectorAll('.puzzle-play').forEach(p => p.remove());
            section.classList.remove('puzzle-revealed');
            home.append(answer);
            const box = play(q, () => {
                section.classList.add('puzzle-revealed');
                section.append(answer);
            }, () => document.createTextNode(''));
            section.querySelector('pre').after(box);
        });
    }

    // ---- chapters in interview mode: the puzzle listing's label waits behind the question ----
    function labelOf(id) {
        const caption = document.getElementById(`listing-${id}`);
        for (let n = caption && caption.nextElementSibling; n; n = n.nextElementSibling) {
            if (n.classList.contains('listing-behaviour')) {
                return n;
            }
            if (n.classList.contains('listing-caption')) {
                return null;
            }
        }
        return null;
    }
    function mountChapter() {
        questions.forEach(q => {
            const label = labelOf(q.id);
            if (!label) {
                return;
            }
            label.parentElement.querySelectorAll(`.puzzle-inline[data-puzzle="${CSS.escape(q.id)}"]`)
                .forEach(p => p.remove());
            label.classList.add('puzzle-label');
            label.classList.remove('puzzle-shown');
            const box = play(q, () => label.classList.add('puzzle-shown'), () => el('p', { class: 'puzzle-explain' }, [
                'The label below is the verified behaviour; ',
                el('a', { href: '#short-answer', text: 'the short answer' }), ' explains it.',
            ]));
            box.classList.add('puzzle-inline');
            label.before(box);
        });
    }

    // ---- scores on the practice page and in the progress popup ----
    function refreshScores() {
        const names = levelNames();
        if (practice) {
            const slug = practice.dataset.level;
            const { answered, right } = levelScore(slug);
            const total = Number(practice.dataset.total) || 0;
            const reset = el('button', { type: 'button', class: 'puzzle-reset', text: `Reset the ${names[slug] || slug} score` });
            reset.addEventListener('click', () => {
                const s = scores();
                Object.keys(s).forEach(k => {
                    if (s[k] && s[k].level === slug) {
                        delete s[k];
                    }
                });
                saveScores(s);
                mountPractice();
            });
            practice.replaceChildren(
                el('span', { class: 'puzzle-score-text', text: `Score: ${right} right of ${answered} answered; ${total} puzzles. `
                    + 'Only your first answer to each puzzle counts.' }),
                ' ', reset);
        }
        const popup = document.getElementById('reader-progress-popup');
        if (popup) {
            let box = document.getElementById('puzzle-progress');
            if (!box) {
                box = el('div', { id: 'puzzle-progress' });
                const note = popup.querySelector('.reader-popup-note');
                popup.insertBefore(box, note);
            }
            const slugs = [...new Set(Object.values(scores()).map(v => v && v.level).filter(Boolean))];
            const clear = el('button', { type: 'button', id: 'puzzle-clear-scores', text: 'Reset puzzle scores' });
            clear.addEventListener('click', () => {
                saveScores({});
                if (practice) {
                    mountPractice();
                }
            });
            box.replaceChildren(
                el('p', { class: 'puzzle-progress-title', text: slugs.length ? 'Puzzles (right of answered)' : 'Puzzles: none answered yet' }),
                el('ul', { id: 'puzzle-progress-levels' }, slugs.map(slug => {
                    const { answered, right } = levelScore(slug);
                    return el('li', { 'data-level': slug }, [
                        el('span', { class: 'reader-level-name', text: names[slug] || slug }),
                        el('span', { class: 'reader-level-count', text: `${right} of ${answered}` }),
                    ]);
                })),
                ...(slugs.length ? [clear] : []));
        }
    }

    if (practice) {
        mountPractice();
    } else if (questions.length) {
        mountChapter();
    }
    refreshScores();
    window.addEventListener('storage', e => {
        if (e.key === KEY || e.key === null) {
            refreshScores();
        }
    });
    window.bookPuzzles = { scores, questions: () => questions.slice() };
})();
