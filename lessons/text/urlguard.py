"""What the page says when its link held settings it could not use (lessons.urlguard)."""

TEXT = {
    "url.fixed_head": {
        "en": "This link held settings the page cannot use; it shows the nearest valid view instead:",
        "zh": "这个链接里有页面无法使用的设置，下面显示的是最接近的有效设置：",
    },
    "url.why.clamped": {
        "en": "`{key}` must be from {lo} to {hi}: {new} is used.",
        "zh": "`{key}` 的取值范围是 {lo} 到 {hi}，已改用 {new}。",
    },
    "url.why.not_whole": {
        "en": "`{key}` must be a whole number from {lo} to {hi}: the default is used.",
        "zh": "`{key}` 应是 {lo} 到 {hi} 之间的整数，已改用默认值。",
    },
    "url.why.not_a_switch": {
        "en": "`{key}` is a switch (true or false): the default is used.",
        "zh": "`{key}` 是开关（true 或 false），已改用默认值。",
    },
    "url.why.not_an_option": {
        "en": "`{key}` is not one of the page's choices: the default is used.",
        "zh": "`{key}` 不是页面提供的选项之一，已改用默认值。",
    },
    "url.why.too_long": {
        "en": "`{key}` is longer than {limit} characters and was dropped.",
        "zh": "`{key}` 超过 {limit} 个字符，已被忽略。",
    },
    "url.why.not_a_setting": {
        "en": "`{key}` holds a value no setting can take and was dropped.",
        "zh": "`{key}` 的值不是任何设置能取的值，已被忽略。",
    },
    "url.why.tidied": {
        "en": "`{key}` was written with extra characters and has been tidied.",
        "zh": "`{key}` 的写法带有多余字符，已整理。",
    },
}
