// The Neighbourhood / Paths tabs, with the keyboard behaviour of the ARIA
// tabs pattern.

import { $ } from './dom.js';

export function selectTab(which, focus) {
  for (const name of ['explore', 'paths']) {
    const on = name === which;
    const tab = $(`#tab-${name}`);
    tab.setAttribute('aria-selected', on ? 'true' : 'false');
    tab.tabIndex = on ? 0 : -1;
    $(`#panel-${name}`).hidden = !on;
    if (on && focus) tab.focus();
  }
}

export function setupTabs() {
  const tabs = ['explore', 'paths'];
  for (const name of tabs) {
    const tab = $(`#tab-${name}`);
    tab.addEventListener('click', () => selectTab(name, false));
    tab.addEventListener('keydown', (ev) => {
      const i = tabs.indexOf(name);
      let j = null;
      if (ev.key === 'ArrowRight') j = (i + 1) % tabs.length;
      else if (ev.key === 'ArrowLeft') j = (i - 1 + tabs.length) % tabs.length;
      else if (ev.key === 'Home') j = 0;
      else if (ev.key === 'End') j = tabs.length - 1;
      if (j === null) return;
      ev.preventDefault();
      selectTab(tabs[j], true);
    });
  }
}
