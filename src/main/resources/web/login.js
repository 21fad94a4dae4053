'use strict';
document.getElementById('login-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const error = document.getElementById('login-error');
  error.textContent = '';
  const response = await fetch('/api/login', {
    method: 'POST',
    headers: {'Content-Type': 'application/json'},
    body: JSON.stringify({token: document.getElementById('token').value}),
    credentials: 'same-origin'
  });
  if (response.ok) {
    const next = new URLSearchParams(location.search).get('next');
    location.href = next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
  } else {
    const body = await response.json().catch(() => ({error: 'Sign-in failed (' + response.status + ').'}));
    error.textContent = body.error;
  }
});
