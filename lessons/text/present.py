"""Strings of presenting mode (?present=1) and of the figures' colour notes."""

TEXT = {
    "present.enter": {"en": "Present", "zh": "演示模式"},
    "present.enter_help": {
        "en": "Full-width view for a projector: no sidebar, larger text, the lessons along the top. "
              "Adds ?present=1 to the address, so a shared link opens the same way.",
        "zh": "适合投影的全宽视图：没有侧栏，字更大，课程列在顶部。网址会加上 ?present=1，分享链接也会以同样的方式打开。",
    },
    "present.exit": {"en": "Exit presenting", "zh": "退出演示"},
    "present.exit_help": {
        "en": "Back to the normal view with the sidebar.",
        "zh": "回到带侧栏的普通视图。",
    },
    "grid.color_clip": {
        "en": "Colours: the darker the blue, the larger the value. The scale runs from {lo} to {hi}; "
              "values beyond it (outliers) take the end colour, so they do not wash out the rest. "
              "Hover a cell for its exact value.",
        "zh": "颜色：蓝色越深，数值越大。色阶从 {lo} 到 {hi}；超出这一范围的值（离群值）取端点的颜色，"
              "不会把其余格子的颜色冲淡。鼠标悬停在格子上可看到精确数值。",
    },
}
