// Passkeys (WebAuthn) against Spring Security's endpoints: adding one on the passkeys page, and
// logging in with one on the login page. Same origin, no inline script; texts come from the page.
(function () {
  'use strict';

  function toBase64Url(buffer) {
    var bytes = new Uint8Array(buffer), text = '';
    for (var i = 0; i < bytes.length; i++) { text += String.fromCharCode(bytes[i]); }
    return window.btoa(text).replace(/=/g, '').replace(/\+/g, '-').replace(/\//g, '_');
  }

  function fromBase64Url(value) {
    var text = window.atob(value.replace(/-/g, '+').replace(/_/g, '/'));
    var bytes = new Uint8Array(text.length);
    for (var i = 0; i < text.length; i++) { bytes[i] = text.charCodeAt(i); }
    return bytes.buffer;
  }

  function post(box, url, body) {
    var headers = { 'Content-Type': 'application/json' };
    headers[box.dataset.csrfHeader] = box.dataset.csrfToken;
    return fetch(url, { method: 'POST', headers: headers, credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body) })
      .then(function (response) {
        if (!response.ok) { throw new Error('HTTP ' + response.status); }
        return response.json();
      });
  }

  function descriptors(list) {
    return (list || []).map(function (c) { return Object.assign({}, c, { id: fromBase64Url(c.id) }); });
  }

  var register = document.getElementById('passkey-register');
  if (register) {
    var error = document.getElementById('passkey-error');
    var showError = function (text) { error.textContent = text; error.hidden = false; };
    if (!window.PublicKeyCredential) {
      document.getElementById('passkey-unsupported').hidden = false;
    } else {
      register.hidden = false;
      document.getElementById('passkey-add').addEventListener('click', function () {
        var label = document.getElementById('passkey-label').value.trim();
        error.hidden = true;
        if (!label) { showError(register.dataset.msgLabel); return; }
        post(register, register.dataset.optionsUrl).then(function (options) {
          var publicKey = Object.assign({}, options, {
            challenge: fromBase64Url(options.challenge),
            user: Object.assign({}, options.user, { id: fromBase64Url(options.user.id) }),
            excludeCredentials: descriptors(options.excludeCredentials)
          });
          return navigator.credentials.create({ publicKey: publicKey });
        }).then(function (credential) {
          var response = credential.response;
          return post(register, register.dataset.registerUrl, { publicKey: { label: label, credential: {
            id: credential.id,
            rawId: toBase64Url(credential.rawId),
            type: credential.type,
            response: {
              attestationObject: toBase64Url(response.attestationObject),
              clientDataJSON: toBase64Url(response.clientDataJSON),
              transports: response.getTransports ? response.getTransports() : []
            },
            clientExtensionResults: credential.getClientExtensionResults(),
            authenticatorAttachment: credential.authenticatorAttachment
          } } });
        }).then(function (result) {
          if (!result || !result.success) { throw new Error('not registered'); }
          window.location.href = register.dataset.doneUrl;
        }).catch(function () { showError(register.dataset.msgFailed); });
      });
    }
  }

  var login = document.getElementById('passkey-login');
  if (login && window.PublicKeyCredential) {
    login.hidden = false;
    var button = login.querySelector('button');
    var failed = document.getElementById('passkey-login-failed');
    button.addEventListener('click', function () {
      failed.hidden = true;
      post(login, login.dataset.optionsUrl).then(function (options) {
        var publicKey = Object.assign({}, options, {
          challenge: fromBase64Url(options.challenge),
          allowCredentials: descriptors(options.allowCredentials)
        });
        return navigator.credentials.get({ publicKey: publicKey });
      }).then(function (credential) {
        var response = credential.response;
        return post(login, login.dataset.loginUrl, {
          id: credential.id,
          rawId: toBase64Url(credential.rawId),
          type: credential.type,
          response: {
            authenticatorData: toBase64Url(response.authenticatorData),
            clientDataJSON: toBase64Url(response.clientDataJSON),
            signature: toBase64Url(response.signature),
            userHandle: response.userHandle ? toBase64Url(response.userHandle) : undefined
          },
          clientExtensionResults: credential.getClientExtensionResults(),
          authenticatorAttachment: credential.authenticatorAttachment
        });
      }).then(function (result) {
        if (!result || !result.authenticated) { throw new Error('not authenticated'); }
        window.location.href = result.redirectUrl;
      }).catch(function () { failed.hidden = false; });
    });
  }
})();
