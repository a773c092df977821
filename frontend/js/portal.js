// The portal's own script. Pages work without it; it only enhances them.
document.documentElement.classList.add('js');

// Sends the CSRF token with every htmx request that changes state.
document.addEventListener('htmx:configRequest', function (event) {
    var header = document.querySelector('meta[name="csrf-header"]');
    var token = document.querySelector('meta[name="csrf-token"]');
    if (header && token && event.detail.verb !== 'get') {
        event.detail.headers[header.content] = token.content;
    }
});

// Forms with data-confirm ask before they are sent (for example "Delete draft").
document.addEventListener('submit', function (event) {
    var form = event.target;
    if (form instanceof HTMLFormElement && form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
        event.preventDefault();
    }
});
