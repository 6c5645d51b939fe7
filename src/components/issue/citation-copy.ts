/** Progressive enhancement for <Citation>: show the copy buttons only where the clipboard API exists. */
for (const button of document.querySelectorAll<HTMLButtonElement>('.citation__copy')) {
  const citation = button.closest('.citation');
  const text = citation?.querySelector('.citation__text')?.textContent;
  const status = citation?.querySelector('.citation__status');
  if (!text || !navigator.clipboard) continue;
  button.hidden = false;
  button.addEventListener('click', () => {
    navigator.clipboard.writeText(text).then(
      () => status && (status.textContent = '已复制'),
      () => status && (status.textContent = '复制失败，请手动选择文字'),
    );
  });
}
