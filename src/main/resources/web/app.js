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

  function userBubble(text) {
    var m = el('div', 'msg user', text);
    messages.appendChild(m);
    scroll();
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
      var d = el('div', 'card finding');
      d.dataset.code = b.code;
      var h = el('h3');
      h.appendChild(el('span', 'rank', String(b.rank)));
      h.appendChild(document.createTextNode(b.title));
      d.appendChild(h);
      d.appendChild(el('div', 'meta', [b.device, b.code, b.confidencePercent + ' %'].filter(Boolean).join(' · ')));
      if (b.causedBy) { d.appendChild(el('div', 'meta', '← ' + b.causedBy)); }
      if (b.explanation) { var x = el('div', 'explanation'); x.innerHTML = markdown(b.explanation); d.appendChild(x); }
      if (b.ruledOut && b.ruledOut.length) {
        // the rivals this finding beat, each with where the evidence that rules it out is
        var ro = el('ul', 'ruled-out');
        b.ruledOut.forEach(function (r) {
          var li = el('li', null, r.text);
          li.dataset.code = r.code;
          if (r.where && r.where.length) { li.appendChild(el('span', 'where', ' (' + r.where.join('; ') + ')')); }
          ro.appendChild(li);
        });
        d.appendChild(ro);
      }
      if (b.evidence && b.evidence.length) {
        var ev = el('ul', 'evidence');
        b.evidence.forEach(function (e) {
          var li = el('li');
          li.appendChild(el('span', 'where', e.where));
          li.appendChild(document.createTextNode((e.time ? ' ' + e.time : '') + ': ' + (e.note || '')));
          ev.appendChild(li);
        });
        d.appendChild(ev);
      }
      if (b.fix && b.fix.length) { d.appendChild(inlineList('ol', 'fix', b.fix)); }
      return d;
    },
    FileStatus: function (b) {
      var d = el('div', 'filestatus' + (b.read ? '' : ' bad'));
      var kb = Math.max(1, Math.round((b.sizeBytes || 0) / 1024));
      d.textContent = (b.read ? '✓ ' : '✗ ') + b.name + ' (' + (b.looksLike || '?') + ', ' + kb + ' KB)';
      if (b.problems && b.problems.length) {
        var ul = el('ul');
        b.problems.forEach(function (p) { ul.appendChild(el('li', null, p)); });
        d.appendChild(ul);
      }
      return d;
    },
    Image: function (b) {
      var f = el('figure');
      if (b.src) { // an old turn's picture may no longer be kept in the session's history
        var img = el('img');
        img.src = b.src;
        img.alt = b.title || b.fileName || '';
        f.appendChild(img);
      }
      if (b.title) { f.appendChild(el('figcaption', null, b.title)); }
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
    }).catch(function (e) { errorBubble('Could not download ' + name + ': ' + e.message); });
  }

  // The case bar: the case this chat works on and the code others join it with (typed as "case <code>").
  var caseBar = document.getElementById('case');
  function showCase(reply) {
    if (!reply.caseId) { return; }
    caseBar.hidden = false;
    caseBar.textContent = 'Case #' + reply.caseId + (reply.joinCode ? ' · join code ' : '');
    if (reply.joinCode) { caseBar.appendChild(el('code', null, reply.joinCode)); }
  }

  function renderReply(reply) {
    showCase(reply);
    var m = el('div', 'msg bot');
    if (reply.lang) { m.lang = reply.lang; }
    (reply.blocks || []).forEach(function (b) {
      var r = renderers[b.type];
      m.appendChild(r ? r(b) : el('div', null, '[' + b.type + ']'));
    });
    messages.appendChild(m);
    scroll();
  }

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
  function enqueue(request) {
    queue = queue.then(function () {
      startProgress();
      return request().then(function (r) {
        return r.json().then(function (body) {
          if (!r.ok || body.error) { errorBubble(body.error || ('HTTP ' + r.status)); } else { renderReply(body); }
        });
      }).catch(function (e) { errorBubble('regdoc could not be reached: ' + e.message); })
        .then(stopProgress);
    });
    return queue;
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

  function upload(file) {
    userBubble('📎 ' + file.name);
    return enqueue(function () {
      return fetch('api/upload?name=' + encodeURIComponent(file.name), {
        method: 'POST', credentials: 'same-origin', body: file,
        headers: { 'Content-Type': 'application/octet-stream', 'X-Regdoc-Token': token }
      });
    });
  }

  function uploadAll(files) { Array.prototype.forEach.call(files, upload); }

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

  // Show what this session already said (after a reload).
  fetch('api/history', { credentials: 'same-origin', headers: { 'X-Regdoc-Token': token } }).then(function (r) { return r.json(); }).then(function (h) {
    (h.turns || []).forEach(function (t) {
      if (t.from === 'regdoc') { renderReply(t.reply); } else { userBubble(t.text || t.action || ('📎 ' + t.file)); }
    });
  }).catch(function () {});
})();
