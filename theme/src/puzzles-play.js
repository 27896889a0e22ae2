// "Predict it" puzzles, played (tools/mdbook-listings/src/puzzle.rs puts this script inline, minified, only into the
// pages that carry puzzles, next to their data: <script type="application/json" class="book-puzzles">).
// Progressive enhancement: without JavaScript a practice page is a list of questions with the answers further down,
// and a chapter shows its listings with their labels.
//
// - Practice pages (`{{#puzzles <level>}}`): each question becomes buttons; choosing shows whether it was right and
//   the verified label, with a link to the chapter that explains it. The score of the level is shown and can be
//   reset; theme/puzzles.js keeps the scores (localStorage) and shows them in the progress popup.
// - Chapters, in interview mode: the label of a puzzle listing is hidden behind the same question.
(function () {
'use strict';

function start() {
    const core = window.bookPuzzles;
    const html = document.documentElement;
    const main = document.querySelector('#mdbook-content main');
    const isPrint = !!document.querySelector('meta[name="robots"][content="noindex"]');
    if (!core || !main || isPrint) {
        return;
    }
    function record(q, right) {
        const s = core.scores();
        if (!s[q.id]) {
            s[q.id] = { level: q.level, right };
            core.save(s);
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
        box.append(el('p', { class: 'puzzle-prompt', text: 'Predict it: what happens?' }), step1, step2,
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

    // ---- the score on the practice page ----
    function refreshScore() {
        if (!practice) {
            return;
        }
        const slug = practice.dataset.level;
        const { answered, right } = core.levelScore(slug);
        const total = Number(practice.dataset.total) || 0;
        const reset = el('button', { type: 'button', class: 'puzzle-reset', text: `Reset the ${core.names()[slug] || slug} score` });
        reset.addEventListener('click', () => {
            const s = core.scores();
            Object.keys(s).forEach(k => {
                if (s[k] && s[k].level === slug) {
                    delete s[k];
                }
            });
            core.save(s);
            mountPractice();
        });
        practice.replaceChildren(
            el('span', { class: 'puzzle-score-text', text: `Score: ${right} right of ${answered} answered; ${total} puzzles. `
                + 'Only your first answer to each puzzle counts.' }),
            ' ', reset);
    }

    if (practice) {
        mountPractice();
    } else if (questions.length) {
        mountChapter();
    }
    core.onChange(() => {
        refreshScore();
        // "Reset puzzle scores" in the progress popup: the practice page can be played again.
        if (practice && Object.keys(core.scores()).length === 0 && main.querySelector('.puzzle-done')) {
            mountPractice();
        }
    });
    refreshScore();
}
if (document.readyState === 'loading') {
    // Inline in the page, before reader.js and theme/puzzles.js: wait for them (tabs, progress popup, scores).
    document.addEventListener('DOMContentLoaded', start);
} else {
    start();
}
})();
