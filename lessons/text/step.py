"""Strings of the step controls and the reset button every page shares (keys ``step.*``)."""

TEXT = {
    "step.speed": {"en": "How fast Play moves on", "zh": "播放时每一步停留多久"},
    "step.speed_slow": {"en": "Slow", "zh": "慢速"},
    "step.speed_normal": {"en": "Normal", "zh": "中速"},
    "step.speed_fast": {"en": "Fast", "zh": "快速"},
    "step.keys": {
        "en": "Keys: ← back, → next, Space play or pause.",
        "zh": "键盘：←/→ 切换步骤，空格键播放或暂停。",
    },
    "step.reset": {"en": "Reset this lesson", "zh": "重置本课"},
    "step.reset_help": {
        "en": "Put every setting on this page back to where the lesson starts (the page address too).",
        "zh": "把本页的所有设置恢复到课程开始时的样子（网址也一并恢复）。",
    },
    "step.reset_none": {
        "en": "This page has no settings to reset.",
        "zh": "本页没有可以重置的设置。",
    },
}
