"""Strings of the real-pictures lesson (page 7) and of reading uploaded pictures."""

TEXT = {
    "nav.pictures": {"en": "Pooling a real picture", "zh": "对真实图片做池化"},
    "intro.map_pictures": {
        "en": "pool photos, your own upload or a camera shot by max and by average, level after level, "
              "and check whether the eyes survive",
        "zh": "用最大池化和平均池化逐层处理照片、你上传的图片或摄像头拍的照片，看看眼睛还在不在",
    },
    "pic.intro": {
        "en": "The tutorial's promise is about pictures: pooling shrinks a feature map and keeps what "
              "matters. To decide whether a picture shows a face, a network needs to know that there is "
              "an eye on the left and one on the right, not exactly where they are. Here the same 2D "
              "pooling the other lessons step through runs on real pixels: each colour channel (red, "
              "green, blue) is pooled on its own, window by window, and the result is pooled again.",
        "zh": "教程对池化的承诺针对的是图片：池化缩小特征图，同时保留重要的信息。要判断一张图里是不是"
              "人脸，网络需要知道左边有一只眼睛、右边也有一只眼睛，而不需要知道眼睛的精确位置。本页把其他"
              "课里逐步演示的二维池化用在真实的像素上：红、绿、蓝三个颜色通道各自独立地逐窗口池化，"
              "池化的结果再继续池化。",
    },
    "pic.settings": {"en": "Picture and pooling", "zh": "图片与池化参数"},
    "pic.source": {"en": "Picture", "zh": "图片"},
    "pic.src.face": {"en": "a drawn face", "zh": "画的人脸"},
    "pic.src.astronaut": {"en": "astronaut", "zh": "宇航员"},
    "pic.src.cat": {"en": "cat", "zh": "猫"},
    "pic.src.stripes": {"en": "thin lines", "zh": "细线条"},
    "pic.src.text": {"en": "text", "zh": "文字"},
    "pic.src.coffee": {"en": "coffee", "zh": "咖啡"},
    "pic.src.rocket": {"en": "rocket at night", "zh": "夜间火箭"},
    "pic.src.tripod": {"en": "photographer (gray)", "zh": "摄影师（灰度）"},
    "pic.src.upload": {"en": "your file", "zh": "上传文件"},
    "pic.src.camera": {"en": "your camera", "zh": "摄像头"},
    "pic.upload_label": {"en": "Upload a picture (PNG, JPEG, WebP or GIF)", "zh": "上传一张图片（PNG、JPEG、WebP 或 GIF）"},
    "pic.upload_help": {
        "en": "At most {mb} MB. The picture stays in this browser session's memory; it is never saved.",
        "zh": "最大 {mb} MB。图片只保存在本次浏览会话的内存中，不会写入磁盘。",
    },
    "pic.camera_label": {"en": "Take a picture", "zh": "拍一张照片"},
    "pic.waiting_upload": {"en": "Choose a picture file above to pool it.", "zh": "请在上方选择一个图片文件。"},
    "pic.waiting_camera": {
        "en": "Allow the camera and take a picture above to pool it.",
        "zh": "请允许使用摄像头，并在上方拍一张照片。",
    },
    "pic.kernel": {"en": "Window size (kernel)", "zh": "窗口大小（kernel）"},
    "pic.stride": {"en": "Stride", "zh": "步幅"},
    "pic.levels": {"en": "Levels of pooling", "zh": "池化层数"},
    "pic.view": {"en": "Channels", "zh": "通道"},
    "pic.view.rgb": {"en": "R, G, B pooled separately", "zh": "R、G、B 分别池化"},
    "pic.view.gray": {"en": "grayscale, one channel", "zh": "灰度，单通道"},
    "pic.size_line": {
        "en": "The picture: {w}×{h} pixels ({n} pixels, {fmt}).",
        "zh": "这张图片：{w}×{h} 像素（共 {n} 个像素，{fmt} 格式）。",
    },
    "pic.scaled": {
        "en": "Your picture is {ow}×{oh} pixels; it was scaled down to {w}×{h} (at most {max} pixels "
              "on the longer side) so that every level stays quick to compute.",
        "zh": "你的图片是 {ow}×{oh} 像素，已缩小为 {w}×{h}（长边最多 {max} 像素），以便每一层都能很快算完。",
    },
    "pic.rotated": {
        "en": "The photo was turned upright, as its camera's orientation tag asks.",
        "zh": "已按照片里相机记录的方向信息把它转正。",
    },
    "pic.converted": {"en": "Converted to RGB: {what}.", "zh": "已转换为 RGB：{what}。"},
    "pic.note.palette": {"en": "a palette of colours", "zh": "调色板颜色"},
    "pic.note.alpha": {"en": "transparent parts shown on white", "zh": "透明部分显示为白色"},
    "pic.note.16bit": {"en": "16 bits per channel reduced to 8", "zh": "每通道 16 位降为 8 位"},
    "pic.note.cmyk": {"en": "CMYK print colours", "zh": "CMYK 印刷颜色"},
    "pic.note.gray": {"en": "a grayscale picture (all three channels equal)", "zh": "灰度图（三个通道相同）"},
    "pic.note.animated": {"en": "the first frame of an animation", "zh": "动画的第一帧"},
    "pic.err_title": {"en": "This file cannot be pooled: {message}", "zh": "这个文件无法进行池化：{message}"},
    "pic.err_hint": {
        "en": "Pick another file, or one of the sample pictures; nothing of this file was kept.",
        "zh": "请换一个文件，或选择一张示例图片；这个文件没有被保存。",
    },
    "pic.err_bytes": {
        "en": "it is {mb} MB, more than the {limit} MB limit. Save it smaller (or as JPEG) and try again.",
        "zh": "文件有 {mb} MB，超过了 {limit} MB 的上限。请把它存得小一些（或存为 JPEG）再试。",
    },
    "pic.err_empty": {"en": "the file is empty.", "zh": "文件是空的。"},
    "pic.err_format": {
        "en": "its content is not a picture in a format this page reads ({formats}), whatever its name "
              "says. Export it as PNG or JPEG.",
        "zh": "无论文件名是什么，它的内容都不是本页能读取的图片格式（{formats}）。请导出为 PNG 或 JPEG。",
    },
    "pic.err_bomb": {
        "en": "it would unpack to more than {limit} million pixels, far more than it needs for its "
              "size: it was refused before decoding. Use a picture of normal size.",
        "zh": "它解压后会超过 {limit} 百万像素，与文件大小极不相称，因此在解码之前就被拒绝了。请使用正常尺寸的图片。",
    },
    "pic.err_corrupt": {
        "en": "the file is damaged or cut short ({detail}). Save or download it again.",
        "zh": "文件已损坏或不完整（{detail}）。请重新保存或下载。",
    },
    "pic.err_small": {
        "en": "it is only {w}×{h} pixels; pooling needs at least {min} pixels on each side.",
        "zh": "它只有 {w}×{h} 像素；池化需要每边至少 {min} 个像素。",
    },
    "pic.levels_stopped": {
        "en": "Only {reached} of the {asked} levels fit: after that the picture is smaller than one "
              "{k}×{k} window.",
        "zh": "{asked} 层中只能做 {reached} 层：再往后图片就比一个 {k}×{k} 窗口还小了。",
    },
    "pic.overlap": {
        "en": "The stride {s} is smaller than the window {k}: neighbouring windows overlap, so a bright "
              "pixel can win in several of them.",
        "zh": "步幅 {s} 小于窗口大小 {k}：相邻窗口互相重叠，同一个亮像素可能在好几个窗口里胜出。",
    },
    "pic.gaps": {
        "en": "The stride {s} is larger than the window {k}: some pixels fall between windows and are "
              "never looked at.",
        "zh": "步幅 {s} 大于窗口大小 {k}：有些像素落在窗口之间，根本不会被读取。",
    },
    "pic.pyramid_title": {"en": "1 · Max and average, level after level", "zh": "1 · 最大池化与平均池化，一层接一层"},
    "pic.pyramid_text": {
        "en": "Each level pools the one before it. All pictures are shown at the same width, so a pixel "
              "of a deeper level is drawn as a larger square.",
        "zh": "每一层都对上一层再做池化。所有图片以相同宽度显示，因此越深的层，每个像素画出来的方块越大。",
    },
    "pic.level0": {"en": "original {w}×{h}", "zh": "原图 {w}×{h}"},
    "pic.level": {"en": "level {n}: {w}×{h}", "zh": "第 {n} 层：{w}×{h}"},
    "pic.table": {
        "en": "| level | size | pixels | of the original |\n|---|---|---|---|\n{rows}",
        "zh": "| 层 | 尺寸 | 像素数 | 占原图 |\n|---|---|---|---|\n{rows}",
    },
    "pic.patch_title": {"en": "2 · The windows on real pixels", "zh": "2 · 真实像素上的窗口"},
    "pic.patch_text": {
        "en": "A few pixels of the picture, enlarged, with the first windows drawn in the walkthrough's "
              "colours. Move the patch with the two sliders at the top; the box on the small picture shows where it is.",
        "zh": "把图片中的几个像素放大，并用逐步演示里的颜色画出最前面的几个窗口。用上方的两个滑块移动这块区域；"
              "小图上的方框标出了它的位置。",
    },
    "pic.patch_x": {"en": "Patch position, left to right (%)", "zh": "区域位置：从左到右（%）"},
    "pic.patch_y": {"en": "Patch position, top to bottom (%)", "zh": "区域位置：从上到下（%）"},
    "pic.patch_fig": {"en": "Rows {top}–{bottom}, columns {left}–{right}", "zh": "第 {top}–{bottom} 行，第 {left}–{right} 列"},
    "pic.window_math": {
        "en": "The pink window, one channel at a time (each channel is pooled on its own):",
        "zh": "粉色窗口，逐个通道计算（每个通道单独池化）：",
    },
    "pic.window_line": {"en": "**{ch}**: `{max}`  ·  `{avg}`", "zh": "**{ch}**：`{max}`  ·  `{avg}`"},
    "pic.diff_title": {"en": "3 · Where max and average differ", "zh": "3 · 最大池化与平均池化的差别在哪里"},
    "pic.diff_text": {
        "en": "A window's maximum is never below its average, and the two are equal only where the "
              "window is flat. They differ in kind where the window mixes bright and dark: max pooling "
              "keeps a bright speck or a thin bright line at full strength, average pooling spreads it "
              "over the window and it fades; edges stay sharp under max and blur under average. The "
              "map shows max − average at the last level: white where they agree, vermilion where they "
              "differ most. Try *thin lines* and *text*.",
        "zh": "窗口的最大值永远不小于平均值，只有窗口内数值完全一样时两者才相等。当窗口里亮暗混杂时，"
              "两者的差别是本质性的：最大池化会把一个亮点或一条细亮线原样保留，平均池化则把它摊到整个"
              "窗口里，于是变淡；边缘在最大池化下保持清晰，在平均池化下变得模糊。右图显示最后一层的"
              "“最大值 − 平均值”：白色表示两者一致，朱红色表示差别最大。试试“细线条”和“文字”。",
    },
    "pic.diff_fig": {"en": "max − average, level {n}", "zh": "最大值 − 平均值，第 {n} 层"},
    "pic.diff_stats": {
        "en": "At level {level} the average difference is {mean} brightness levels (of 255); {big} of "
              "the pixels differ by 48 or more.",
        "zh": "在第 {level} 层，平均差值为 {mean} 个亮度级（满分 255）；有 {big} 的像素差值不小于 48。",
    },
    "pic.dark_note": {
        "en": "Max pooling keeps what is **bright**: dark details on a bright ground (black text on "
              "white, dark pupils in a face) shrink and disappear under it. In a network this is no "
              "flaw, because pooling runs on feature maps, where a detector that found an eye lights up "
              "brightly at the eye.",
        "zh": "最大池化保留的是**亮**的东西：亮背景上的暗细节（白纸上的黑字、脸上的深色瞳孔）会在最大池化下"
              "缩小、消失。在神经网络里这并不是缺点，因为池化作用在特征图上：检测到眼睛的特征在眼睛处会很亮。",
    },
    "pic.eyes_title": {"en": "4 · Are the eyes still there?", "zh": "4 · 眼睛还在吗？"},
    "pic.eyes_measured": {
        "en": "The eyes of this picture were marked by hand. For each level the table gives an eye's size "
              "in pixels and how much darker or brighter it is than the face around it. An eye counts as "
              "still there while that difference is at least {limit} (of 255).",
        "zh": "这张图片中眼睛的位置是人工标注的。表格给出每一层里眼睛占多少像素，以及它与周围脸部的亮度差。"
              "只要亮度差不小于 {limit}（满分 255），就认为眼睛还在。",
    },
    "pic.eyes_unknown": {
        "en": "This picture has no marked eyes. Choose *a drawn face*, *astronaut* or *cat* to see the "
              "question answered with numbers. The answer in general: after a few levels the picture "
              "has a handful of pixels, too few for where exactly an eye is, but enough to say there "
              "is something dark on the left and on the right. Eyes survive as long as they still "
              "cover about one pixel that differs from the face around it (difference at least {limit}).",
        "zh": "这张图片没有标注眼睛的位置。选择“画的人脸”“宇航员”或“猫”，可以看到用数字回答的结果。"
              "一般来说：池化几层后图片只剩很少的像素，已经说不出眼睛的精确位置，但仍能看出左边和右边"
              "各有一处暗的东西。只要眼睛还占据大约一个与周围脸部不同的像素（亮度差不小于 {limit}），眼睛就还在。",
    },
    "pic.eyes_table": {
        "en": "| level | size | eye | difference, max | difference, average |\n|---|---|---|---|---|\n{rows}",
        "zh": "| 层 | 尺寸 | 眼睛 | 亮度差（最大池化） | 亮度差（平均池化） |\n|---|---|---|---|---|\n{rows}",
    },
    "pic.eyes_yes": {
        "en": "With {mode}, the eyes are still there at level {level} ({w}×{h}): they differ from the "
              "face around them by {c}.",
        "zh": "使用{mode}时，第 {level} 层（{w}×{h}）眼睛仍然在：与周围脸部的亮度差为 {c}。",
    },
    "pic.eyes_no": {
        "en": "With {mode}, the eyes are gone at level {level} ({w}×{h}): they differ from the face "
              "around them by only {c} (less than {limit}).",
        "zh": "使用{mode}时，到第 {level} 层（{w}×{h}）眼睛已经消失：与周围脸部的亮度差只有 {c}（小于 {limit}）。",
    },
    "pic.takeaway": {
        "en": "Each 2×2 level with stride 2 keeps a quarter of the pixels. What survives is the coarse "
              "layout (something dark on the left, something dark on the right), not the exact "
              "position: exactly what the tutorial says a face detector needs.",
        "zh": "每一层 2×2、步幅 2 的池化只保留四分之一的像素。留下来的是大致的布局（左边有个暗的东西，"
              "右边也有一个），而不是精确位置：这正是教程所说的，判断人脸所需要的信息。",
    },
    "pic.credit": {
        "en": "Photos: public domain or CC0, from scikit-image's sample pictures; see assets/LICENSES.md.",
        "zh": "照片来源：scikit-image 的示例图片，均为公有领域或 CC0 授权；详见 assets/LICENSES.md。",
    },
}
