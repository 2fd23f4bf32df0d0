"""Strings shared by the router and every page."""

TEXT = {
    "app.title": {"en": "Pooling Lessons", "zh": "池化课堂"},
    # The language switch reads the same in both languages, so that whoever
    # cannot read the current one still finds it.
    "app.language": {"en": "Language / 语言", "zh": "Language / 语言"},
    "app.sidebar_note": {
        "en": "Every slider is saved in the page address: copy the URL to share exactly this view.",
        "zh": "每个滑块的取值都保存在网址里：复制网址，别人打开看到的就是同一个画面。",
    },
    "app.credits": {
        "en": "Syllabus: the pooling chapter of PaddlePaddle's awesome-DeepLearning tutorial "
              "(forward pass) and a widely shared 2017 blog post on pooling gradients (backward "
              "pass); K-max pooling from Kalchbrenner, Grefenstette & Blunsom (ACL 2014).",
        "zh": "课程内容依据：飞桨 awesome-DeepLearning 教程的池化一章（前向计算）与 2017 年一篇"
              "广为转载的池化梯度博文（反向传播）；K-max 池化出自 Kalchbrenner、Grefenstette 与 "
              "Blunsom 的论文（ACL 2014）。",
    },
    "nav.intro": {"en": "What pooling is", "zh": "什么是池化"},
    "nav.walkthrough": {"en": "The 4×4 walkthrough", "zh": "4×4 示例逐步演示"},
    "nav.playground": {"en": "Playground", "zh": "动手试一试"},
    "nav.kmax": {"en": "K-max pooling", "zh": "K-max 池化"},
    "nav.invariance": {"en": "Translation invariance", "zh": "平移不变性"},
    "nav.backward": {"en": "Backward pass", "zh": "反向传播"},
    "common.max": {"en": "max pooling", "zh": "最大池化"},
    "common.avg": {"en": "average pooling", "zh": "平均池化"},
    "common.mode": {"en": "Pooling", "zh": "池化方式"},
    "common.input": {"en": "Input", "zh": "输入"},
    "common.padding_cell": {"en": "pad", "zh": "填充"},
    "common.error": {
        "en": "These settings do not work together: {message}",
        "zh": "这组参数无法一起使用：{message}",
    },
    "common.error_hint": {
        "en": "Change the setting named above; the rest of the page keeps working.",
        "zh": "请调整上面提到的参数，页面其余部分仍可正常使用。",
    },
    "common.too_big": {
        "en": "Grids larger than {limit}×{limit} are hard to read on a projector, so the input is capped at {limit}×{limit}.",
        "zh": "超过 {limit}×{limit} 的网格在投影上难以看清，因此输入最大为 {limit}×{limit}。",
    },
    "common.play": {"en": "Play", "zh": "播放"},
    "common.pause": {"en": "Pause", "zh": "暂停"},
    "common.step": {"en": "Step", "zh": "步骤"},
    "common.prev": {"en": "◀ Back", "zh": "◀ 上一步"},
    "common.next": {"en": "Next ▶", "zh": "下一步 ▶"},
    "common.list_sep": {"en": ", ", "zh": "、"},  # between the items of a list in a sentence
}
