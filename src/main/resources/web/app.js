// The regdoc web chat page: sends messages, button presses and files to the JSON API and renders the reply blocks.
(function () {
  'use strict';
  var messages = document.getElementById('messages');
  var input = document.getElementById('input');
  var progressLine = document.getElementById('progress');
  // The request token this page was served with: every API call carries it, so only this chat's own page can call.
  var token = document.querySelector('meta[name="regdoc-token"]').content;
  var busy = 0;
  var poller = null;
  // The page's own words, in the conversation's language: each reply brings them ("page"), so the
  // chrome follows when the user switches language. These are the page's words until the first reply.
  var words = {
    title: document.title, sub: 'Why do my Cisco IP phones unregister?', placeholder: input.placeholder,
    drop: 'Drop captures, logs or configs here (several at once), or', choose: 'choose files', send: 'Send',
    case: 'Case #{n}', 'join-code': 'join code', kilobytes: '{n} KB', 'not-read': 'not read',
    confidence: '{n} % sure', 'all-evidence': 'All {n} frames and lines', why: 'Why',
    'other-findings': 'Other findings ({n})', checklist: 'Checklist', 'open-full': 'Click to open full size',
    close: 'Close', 'file-details': ' ({n})', comma: ', ', unreachable: 'regdoc could not be reached: {n}', 'download-failed': 'Could not download {n}'
  };
  // (a function as the replacement: a "$" in the value is taken as it is)
  function word(key, n) { return String(words[key] || key).replace('{n}', function () { return n === undefined ? '' : String(n); }); }

  function applyWords(page, lang) {
    if (!page) { return; }
    Object.keys(page).forEach(function (k) { words[k] = page[k]; });
    if (lang) { document.documentElement.lang = lang; }
    document.title = word('title');
    document.getElementById('sub').textContent = word('sub');
    input.placeholder = word('placeholder');
    document.getElementById('drop-text').textContent = word('drop') + ' ';
    document.getElementById('choose').textContent = word('choose');
    document.getElementById('send').textContent = word('send');
    document.getElementById('lightbox-close').textContent = word('close');
    if (lastCase) { showCase(lastCase); }
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = text; }
    return e;
  }

  function escapeHtml(s) {
    return String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;').replace(/'/g, '&#39;');
  }

  // Escape first, then the small Markdown subset: **bold**, `code`, "- " bullets, newlines.
  function inline(s) {
    return escapeHtml(s).replace(/`([^`]+)`/g, '<code>$1</code>').replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>');
  }

  function markdown(md) {
    var out = [];
    var list = null;
    String(md || '').split('\n').forEach(function (line) {
      var bullet = /^\s*[-*] (.*)$/.exec(line);
      if (bullet) {
        if (!list) { list = []; }
        list.push('<li>' + inline(bullet[1]) + '</li>');
        return;
      }
      if (list) { out.push('<ul>' + list.join('') + '</ul>'); list = null; }
      out.push(line.trim() === '' ? '<br>' : '<p>' + inline(line) + '</p>');
    });
    if (list) { out.push('<ul>' + list.join('') + '</ul>'); }
    return out.join('');
  }

  // A list whose items are one line of markdown each: a step's how-to, a finding's fix.
  function inlineList(tag, cls, items) {
    var list = el(tag, cls);
    items.forEach(function (t) { var li = el('li'); li.innerHTML = inline(t); list.appendChild(li); });
    return list;
  }

  function scroll() { messages.scrollTop = messages.scrollHeight; }

  // A new answer is read from its start: its top goes to the top of the chat (a short one simply
  // ends up at the bottom, as far as the chat scrolls).
  function scrollToStart(m) {
    messages.scrollTop += m.getBoundingClientRect().top - messages.getBoundingClientRect().top - 8;
  }

  function userBubble(text) {
    var m = el('div', 'msg user', text);
    messages.appendChild(m);
    scroll();
  }

  function details(cls, summary, open) {
    var d = el('details', cls);
    d.appendChild(el('summary', null, summary));
    if (open) { d.open = true; }
    return d;
  }

  function evidenceList(items) {
    var ev = el('ul', 'evidence');
    items.forEach(function (e) {
      var li = el('li');
      li.appendChild(el('span', 'where', e.where));
      li.appendChild(document.createTextNode((e.time ? ' ' + e.time : '') + ': ' + (e.note || '')));
      ev.appendChild(li);
    });
    return ev;
  }

  function ruledOutList(items) {
    // the rivals a finding beat, each with where the evidence that rules it out is
    var ro = el('ul', 'ruled-out');
    items.forEach(function (r) {
      var li = el('li', null, r.text);
      li.dataset.code = r.code;
      if (r.where && r.where.length) { li.appendChild(el('span', 'where', ' (' + r.where.join('; ') + ')')); }
      ro.appendChild(li);
    });
    return ro;
  }

  function cardHead(b) {
    var d = el('div', 'card finding');
    d.dataset.code = b.code;
    d.dataset.rank = b.rank;
    var h = el('h3');
    h.appendChild(el('span', 'rank', String(b.rank)));
    h.appendChild(document.createTextNode(b.title));
    d.appendChild(h);
    d.appendChild(el('div', 'meta', [b.device, b.code, word('confidence', b.confidencePercent)].filter(Boolean).join(' · ')));
    if (b.causedBy) { d.appendChild(el('div', 'meta', '← ' + b.causedBy)); }
    return d;
  }

  // How many pieces of evidence lead a first finding; the rest wait behind "all N".
  var DECISIVE = 3;

  // The first finding leads: title, confidence, the decisive evidence and the fix; why, every piece of
  // evidence and the rivals it beat are one click away.
  function leadCard(b) {
    var d = cardHead(b);
    d.classList.add('lead');
    var ev = b.evidence || [];
    if (ev.length) { d.appendChild(evidenceList(ev.slice(0, DECISIVE))); }
    if (b.fix && b.fix.length) { d.appendChild(inlineList('ol', 'fix', b.fix)); }
    if (b.explanation || (b.ruledOut && b.ruledOut.length)) {
      var why = details('why', word('why'));
      if (b.explanation) { var x = el('div', 'explanation'); x.innerHTML = markdown(b.explanation); why.appendChild(x); }
      if (b.ruledOut && b.ruledOut.length) { why.appendChild(ruledOutList(b.ruledOut)); }
      d.appendChild(why);
    }
    if (ev.length > DECISIVE) {
      var all = details('all-evidence', word('all-evidence', ev.length));
      all.appendChild(evidenceList(ev));
      d.appendChild(all);
    }
    return d;
  }

  function errorBubble(text) {
    messages.appendChild(el('div', 'msg error', text));
    scroll();
  }

  var renderers = {
    Text: function (b) { var d = el('div', 'text'); d.innerHTML = markdown(b.markdown); return d; },
    Choices: function (b) {
      var d = el('div');
      if (b.prompt) { var p = el('div'); p.innerHTML = markdown(b.prompt); d.appendChild(p); }
      var row = el('div', 'choices');
      (b.choices || []).forEach(function (c) {
        var btn = el('button', null, c.label);
        btn.type = 'button';
        btn.dataset.action = c.action;
        btn.addEventListener('click', function () { sendAction(c.action, c.label); });
        row.appendChild(btn);
      });
      d.appendChild(row);
      return d;
    },
    Step: function (b) {
      var d = el('div', 'card step');
      d.appendChild(el('span', 'state', b.state));
      d.appendChild(el('h3', null, (b.order ? b.order + '. ' : '') + b.title));
      if (b.why) { var w = el('div', 'why'); w.innerHTML = markdown(b.why); d.appendChild(w); }
      if (b.how && b.how.length) { d.appendChild(inlineList('ul', 'how', b.how)); }
      return d;
    },
    FindingCard: function (b) {
      var d = cardHead(b);
      if (b.explanation) { var x = el('div', 'explanation'); x.innerHTML = markdown(b.explanation); d.appendChild(x); }
      if (b.ruledOut && b.ruledOut.length) { d.appendChild(ruledOutList(b.ruledOut)); }
      if (b.evidence && b.evidence.length) { d.appendChild(evidenceList(b.evidence)); }
      if (b.fix && b.fix.length) { d.appendChild(inlineList('ol', 'fix', b.fix)); }
      return d;
    },
    FileStatus: function (b) {
      var d = el('div', 'filestatus' + (b.read ? '' : ' bad'));
      var kb = Math.max(1, Math.round((b.sizeBytes || 0) / 1024));
      d.appendChild(el('span', 'mark', b.read ? '✓ ' : '✗ '));
      d.appendChild(el('span', 'name', b.name));
      d.appendChild(el('span', 'looks', word('file-details', [b.looksLike, word('kilobytes', kb)].filter(Boolean).join(word('comma')))));
      if (!b.read) { d.appendChild(el('span', 'not-read', ' ' + word('not-read'))); }
      if (b.problems && b.problems.length) {
        var ul = el('ul');
        b.problems.forEach(function (p) { ul.appendChild(el('li', null, p)); });
        d.appendChild(ul);
      }
      return d;
    },
    // Lines and columns that matter (a timeline): as they are, in a fixed-width font.
    Preformatted: function (b) { return el('pre', 'preformatted', b.text); },
    // The picture carries its own title, so no caption repeats it; it takes the chat's width and
    // opens at full size on a click.
    Image: function (b) {
      var f = el('figure');
      if (b.src) { // an old turn's picture may no longer be kept in the session's history
        var img = el('img');
        img.src = b.src;
        img.alt = b.title || b.fileName || '';
        img.title = word('open-full');
        img.dataset.file = b.fileName || '';
        img.addEventListener('click', function () { openFull(b.src, img.alt); });
        f.appendChild(img);
      } else {
        f.appendChild(el('span', 'attachment', b.title || b.fileName));
      }
      return f;
    },
    Attachment: function (b) {
      var a = el('a', 'attachment', '⬇ ' + b.fileName);
      if (!b.href) { return el('span', 'attachment', b.fileName); }
      a.href = b.href;
      a.download = b.fileName;
      return a;
    },
    // A lesson's files: each a link fetched with the page's token, then saved under its own name.
    LessonFiles: function (b) {
      var ul = el('ul', 'lesson-files');
      (b.downloads || []).forEach(function (d) {
        var a = el('a', 'attachment', '⬇ ' + d.name);
        a.href = d.href;
        a.dataset.file = d.name;
        a.addEventListener('click', function (e) { e.preventDefault(); download(d.href, d.name); });
        var li = el('li');
        li.appendChild(a);
        ul.appendChild(li);
      });
      return ul;
    }
  };

  function download(href, name) {
    fetch(href, { credentials: 'same-origin', headers: { 'X-Regdoc-Token': token } }).then(function (r) {
      if (!r.ok) {
        return r.json().then(function (j) { throw new Error(j.error || ('HTTP ' + r.status)); });
      }
      return r.blob();
    }).then(function (blob) {
      var url = URL.createObjectURL(blob);
      var a = el('a');
      a.href = url;
      a.download = name;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
    }).catch(function (e) { errorBubble(word('download-failed', name) + ': ' + e.message); });
  }

  // The case bar: the case this chat works on and the code others join it with (typed as "case <code>").
  var caseBar = document.getElementById('case');
  var lastCase = null;
  function showCase(reply) {
    if (!reply.caseId) { return; }
    lastCase = { caseId: reply.caseId, joinCode: reply.joinCode || (lastCase && lastCase.caseId === reply.caseId ? lastCase.joinCode : null) };
    caseBar.hidden = false;
    caseBar.textContent = word('case', lastCase.caseId) + (lastCase.joinCode ? ' · ' + word('join-code') + ' ' : '');
    if (lastCase.joinCode) { caseBar.appendChild(el('code', null, lastCase.joinCode)); }
  }

  function render(b) {
    var r = renderers[b.type];
    return r ? r(b) : el('div', null, '[' + b.type + ']');
  }

  // An answer (a reply with findings) leads with finding #1; the other findings and the checklist
  // steps wait, folded, below the pictures. Any other reply is shown block after block.
  function layoutAnswer(m, blocks) {
    var others = null;
    var checklist = null;
    var seenLead = false;
    blocks.forEach(function (b, i) {
      if (b.type === 'FindingCard') {
        if (!seenLead) { seenLead = true; m.appendChild(leadCard(b)); return; }
        if (!others) {
          var n = blocks.filter(function (x) { return x.type === 'FindingCard'; }).length - 1;
          others = details('other-findings', word('other-findings', n));
          m.appendChild(others);
        }
        others.appendChild(render(b));
      } else if (b.type === 'Step' || (b.type === 'Choices' && i > 0 && blocks[i - 1].type === 'Step')) {
        if (!checklist) { checklist = details('checklist', word('checklist')); m.appendChild(checklist); }
        checklist.appendChild(render(b));
      } else {
        m.appendChild(render(b));
      }
    });
  }

  // Answers of queued analyses already on the page, by job: one that reaches the page another way
  // (after the instance serving the upload died) is shown once.
  var shownJobs = {};
  function renderReply(reply, quiet) {
    if (reply.job) { shownJobs[reply.job] = true; }
    applyWords(reply.page, reply.lang);
    showCase(reply);
    var m = el('div', 'msg bot');
    if (reply.lang) { m.lang = reply.lang; }
    var blocks = reply.blocks || [];
    if (blocks.some(function (b) { return b.type === 'FindingCard'; })) {
      m.classList.add('answer');
      layoutAnswer(m, blocks);
    } else {
      blocks.forEach(function (b) { m.appendChild(render(b)); });
    }
    messages.appendChild(m);
    if (!quiet) { scrollToStart(m); }
  }

  // A picture at its full size, over the page; a click or Escape closes it.
  var lightbox = document.getElementById('lightbox');
  function openFull(src, alt) {
    var img = document.getElementById('lightbox-img');
    img.src = src;
    img.alt = alt;
    lightbox.hidden = false;
  }
  function closeFull() { lightbox.hidden = true; document.getElementById('lightbox-img').removeAttribute('src'); }
  lightbox.addEventListener('click', function (e) { if (e.target !== document.getElementById('lightbox-img')) { closeFull(); } });
  document.addEventListener('keydown', function (e) { if (e.key === 'Escape' && !lightbox.hidden) { closeFull(); } });

  function startProgress() {
    busy++;
    if (poller) { return; }
    progressLine.hidden = false;
    progressLine.textContent = '…';
    poller = setInterval(function () {
      fetch('api/progress', { credentials: 'same-origin', headers: { 'X-Regdoc-Token': token } }).then(function (r) { return r.json(); }).then(function (p) {
        if (p.running && p.text) {
          progressLine.textContent = p.text + (p.percent >= 0 ? ' (' + p.percent + ' %)' : '');
        }
      }).catch(function () {});
    }, 500);
  }

  function stopProgress() {
    busy = Math.max(0, busy - 1);
    if (busy === 0 && poller) {
      clearInterval(poller);
      poller = null;
      progressLine.hidden = true;
    }
  }

  // Turns go one after another so replies come back in the order the user acted.
  var queue = Promise.resolve();
  function enqueue(request, queued) {
    queue = queue.then(function () {
      startProgress();
      return request().then(function (r) {
        if (queued && r.status >= 502 && r.status <= 504) { throw new Error('HTTP ' + r.status); }
        return r.json().then(function (body) {
          if (!r.ok || body.error) { errorBubble(body.error || ('HTTP ' + r.status)); } else { renderReply(body); }
        });
      }).catch(function (e) {
        errorBubble(word('unreachable', e.message));
        // An upload is analysed as a job any instance may finish: its answer may still come, through
        // the conversation's history, from the instance that serves the page now.
        return queued ? awaitQueuedAnswer() : null;
      }).then(stopProgress);
    });
    return queue;
  }

  function awaitQueuedAnswer() {
    var deadline = Date.now() + 15 * 60 * 1000;
    return new Promise(function (resolve) {
      function poll() {
        fetch('api/history', { credentials: 'same-origin', headers: { 'X-Regdoc-Token': token } }).then(function (r) { return r.json(); }).then(function (h) {
          var fresh = (h.turns || []).filter(function (t) { return t.from === 'regdoc' && t.reply.job && !shownJobs[t.reply.job]; });
          fresh.forEach(function (t) { renderReply(t.reply); });
          if (fresh.length) { resolve(); return null; }
          // nothing queued or running any more for this conversation: no answer is coming
          return fetch('api/progress', { credentials: 'same-origin', headers: { 'X-Regdoc-Token': token } })
            .then(function (r) { return r.json(); })
            .then(function (p) { if (p.running) { retry(); } else { resolve(); } });
        }).catch(retry);
      }
      function retry() {
        if (Date.now() > deadline) { resolve(); } else { setTimeout(poll, 2000); }
      }
      poll();
    });
  }

  function postJson(body) {
    return function () {
      return fetch('api/message', {
        method: 'POST', credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json; charset=utf-8', 'X-Regdoc-Token': token }, body: JSON.stringify(body)
      });
    };
  }

  function lang() { return (navigator.language || '').slice(0, 2) || null; }

  function sendText(text) {
    userBubble(text);
    return enqueue(postJson({ text: text, lang: lang() }));
  }

  function sendAction(action, label) {
    userBubble(label);
    return enqueue(postJson({ action: action, label: label, lang: lang() }));
  }

  function postUpload(query, body) {
    return function () {
      return fetch('api/upload?' + query, {
        method: 'POST', credentials: 'same-origin', body: body,
        headers: { 'Content-Type': 'application/octet-stream', 'X-Regdoc-Token': token }
      });
    };
  }

  // Files chosen or dropped together go in one request, one after another, so they are one turn:
  // one analysis and one answer.
  function uploadAll(files) {
    var list = Array.prototype.slice.call(files);
    if (!list.length) { return; }
    userBubble('📎 ' + list.map(function (f) { return f.name; }).join(', '));
    if (list.length === 1) {
      enqueue(postUpload('name=' + encodeURIComponent(list[0].name), list[0]), true);
      return;
    }
    var query = list.map(function (f) {
      return 'name=' + encodeURIComponent(f.name) + '&size=' + f.size;
    }).join('&');
    enqueue(postUpload(query, new Blob(list)), true);
  }

  document.getElementById('composer').addEventListener('submit', function (e) {
    e.preventDefault();
    var text = input.value.trim();
    if (!text) { return; }
    input.value = '';
    sendText(text);
  });
  input.addEventListener('keydown', function (e) {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      document.getElementById('send').click();
    }
  });

  var picker = document.getElementById('files');
  picker.addEventListener('change', function () { uploadAll(picker.files); picker.value = ''; });

  var drop = document.getElementById('drop');
  ['dragenter', 'dragover'].forEach(function (t) {
    drop.addEventListener(t, function (e) { e.preventDefault(); drop.classList.add('over'); });
  });
  ['dragleave', 'drop'].forEach(function (t) {
    drop.addEventListener(t, function (e) { e.preventDefault(); drop.classList.remove('over'); });
  });
  drop.addEventListener('drop', function (e) { if (e.dataTransfer) { uploadAll(e.dataTransfer.files); } });

  // Show what this session already said (after a reload); a new session is greeted instead.
  function greet() {
    return fetch('api/greeting?lang=' + encodeURIComponent(lang() || ''), { credentials: 'same-origin', headers: { 'X-Regdoc-Token': token } })
      .then(function (r) { return r.json(); })
      .then(function (g) { if (!g.error) { renderReply(g, true); } });
  }
  fetch('api/history', { credentials: 'same-origin', headers: { 'X-Regdoc-Token': token } }).then(function (r) { return r.json(); }).then(function (h) {
    var turns = h.turns || [];
    if (!turns.length) { return greet(); }
    turns.forEach(function (t) {
      if (t.from === 'regdoc') { renderReply(t.reply, true); } else { userBubble(t.text || t.action || ('📎 ' + t.file)); }
    });
    scroll();
  }).catch(function () {});
})();
